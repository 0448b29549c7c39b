using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Taxes;

namespace BillingBooks.Books.Cli.Commands.TaxCodes;

/// <summary>One tax of a code as typed: NAME:RATE[:STATUS], e.g. "GST:5" or "PST:0:exempt".</summary>
internal static class TaxSpec
{
    public const string Shape = "NAME:RATE[:taxable|exempt|non-taxable]";

    public static string Describe(TaxCodeTax tax) =>
        tax.Status == TaxStatus.Taxable ? $"{tax.TaxName} {Text.Number(tax.Rate)}%" : $"{tax.TaxName} {BillingBooks.Books.Taxes.TaxCodes.StatusName(tax.Status)}";

    public static bool TryParse(string text, out TaxCodeTax tax, out string error)
    {
        tax = new TaxCodeTax(string.Empty, 0m, TaxStatus.Taxable);
        var parts = text.Split(':');
        var status = TaxStatus.Taxable;
        if (parts.Length is < 2 or > 3 || parts[0].Trim().Length == 0 || !Options.TryParseDecimal(parts[1].Trim(), out var rate)
            || (parts.Length == 3 && !TryParseStatus(parts[2], out status)))
        {
            error = $"--tax: '{text}' is not {Shape}; write it like --tax \"GST:5\" or --tax \"PST:0:exempt\"";
            return false;
        }

        tax = new TaxCodeTax(parts[0].Trim(), rate, status);
        error = string.Empty;
        return true;
    }

    private static bool TryParseStatus(string text, out TaxStatus status)
    {
        foreach (var candidate in Enum.GetValues<TaxStatus>())
        {
            if (string.Equals(BillingBooks.Books.Taxes.TaxCodes.StatusName(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = TaxStatus.Taxable;
        return false;
    }
}
