using System.Globalization;
using BillingBooks.Books.Sync.Mapping;

namespace BillingBooks.Books.Sync;

/// <summary>
/// The `books` commands that remove each conflict's cause (SPEC 3.4: every conflict comes with its fix).
/// Kept in one place so they follow the CLI's command names.
/// </summary>
public static class FixCommands
{
    /// <summary>
    /// Creates the tax code a line needs: first any tax Books does not have yet, then the code. The suggested
    /// code spells its taxes and rates ("G5P7", "P10") so two different sets never get the same name, and it
    /// never takes a code the company already has ("G5P7-2").
    /// </summary>
    /// <param name="chargedOn">The taxes Billing charges others on: a missing one is added "taxable by other taxes", so
    /// invoices entered in Books with the code compute what Billing computes.</param>
    public static string TaxCode(BooksSetup setup, IReadOnlyList<TaxRate> taxes, IReadOnlySet<string>? chargedOn = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(taxes);
        var file = Quote(setup.File);
        var missingTaxes = taxes.Where(t => !setup.TaxNames.Contains(t.Name))
            .Select(t => $"books --file {file} taxes add {Quote(t.Name)} --account ACCOUNT" + (chargedOn?.Contains(t.Name) == true ? " --taxable-by-others" : ""));
        var spelled = taxes.Count == 0 ? "NT" : string.Concat(taxes.Select(t => Initial(t) + Percent(t.Rate)));
        var initials = taxes.Count == 0 ? "NT" : string.Concat(taxes.Select(Initial));
        var code = spelled;
        for (var n = 2; setup.TaxCodes.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)); n++)
        {
            // Books takes codes of up to TaxCodes.MaxLength characters: a long spelling gives way to the initials.
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            code = (spelled.Length + suffix.Length <= Books.Taxes.TaxCodes.MaxLength ? spelled : initials) + suffix;
        }

        var add = taxes.Count == 0
            ? $"books --file {file} tax-codes add {code} --description 'No tax'"
            : $"books --file {file} tax-codes add {code} " + string.Join(' ', taxes.Select(t => $"--tax {Quote(t.Name + ":" + Percent(t.Rate))}"));
        return string.Join(" && ", missingTaxes.Append(add));
    }

    private static string Initial(TaxRate tax) => char.ToUpperInvariant(tax.Name.FirstOrDefault(char.IsLetterOrDigit, 'T')).ToString();

    public static string Rate(string file, string currency, DateOnly date) =>
        $"books --file {Quote(file)} rates set {currency} {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} RATE";

    public static string AllowForeignCurrency(string file) =>
        $"books --file {Quote(file)} settings set --allow-foreign-currency on";

    public static string Currency(string file, string currency) =>
        $"books --file {Quote(file)} currencies add {currency}";

    public static string CreditCard(string file, string brand) =>
        $"books --file {Quote(file)} credit-cards add {brand} --fee PERCENT --fee-account ACCOUNT --deposit-account ACCOUNT";

    public static string PaymentAccount(string file, string option) =>
        $"books --file {Quote(file)} settings billing-sync {option} ACCOUNT";

    public static string Percent(decimal rate) => rate.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Quotes a shell word only when it needs it, so messages stay copy-pasteable.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsLetterOrDigit(c) || "-_./:@%+=,".Contains(c, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
