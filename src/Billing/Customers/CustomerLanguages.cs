namespace BillingBooks.Billing.Customers;

/// <summary>
/// The languages a customer can have (SPEC 1.3): those Billing Boss served its Canadian users in, English and French,
/// as ISO 639-1 codes. The API takes a code in any case and stores it in lower case, so Books, the pages and a later
/// language of invoices and emails can rely on one spelling. A customer saved before this rule may still hold other
/// text: it is returned as stored (reads and the change feed never fail on it) and must be fixed at its next edit.
/// </summary>
public static class CustomerLanguages
{
    /// <summary>Code and English name, in the order a form lists them.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> All = [("en", "English"), ("fr", "French")];

    /// <summary>"en (English) or fr (French)": what a message offers.</summary>
    public static string Listed => string.Join(" or ", All.Select(l => $"{l.Code} ({l.Name})"));

    /// <summary>The stored form of <paramref name="text"/>: null for none (null or blank), the code, or false when unknown.</summary>
    public static bool TryNormalize(string? text, out string? code)
    {
        code = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        code = All.Select(l => l.Code).FirstOrDefault(c => string.Equals(c, trimmed, StringComparison.OrdinalIgnoreCase));
        return code is not null;
    }
}
