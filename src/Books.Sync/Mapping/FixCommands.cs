using System.Globalization;
using BillingBooks.Books.Sync.Mapping;

namespace BillingBooks.Books.Sync;

/// <summary>
/// The `books` commands that remove each conflict's cause (SPEC 3.4: every conflict comes with its fix).
/// Kept in one place so they follow the CLI's command names.
/// </summary>
public static class FixCommands
{
    public static string TaxCode(string file, IReadOnlyList<TaxRate> taxes)
    {
        if (taxes.Count == 0) return $"books --file {Quote(file)} tax-codes add NT --description 'No tax'";
        var code = string.Concat(taxes.Select(t => char.ToUpperInvariant(t.Name.FirstOrDefault(char.IsLetterOrDigit, 'T'))));
        var parts = string.Join(' ', taxes.Select(t => $"--tax {Quote(t.Name)}:{Percent(t.Rate)}"));
        return $"books --file {Quote(file)} tax-codes add {code} {parts}";
    }

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
