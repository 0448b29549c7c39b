using System.Globalization;
using BillingBooks.Money;

namespace BillingBooks.Billing.Pages;

/// <summary>Amounts as people read them: grouped, with the currency's own decimals and its code (the PDF uses the same).</summary>
public static class Amounts
{
    public static string Format(string? amount, string currency)
    {
        if (amount is null || !Currency.TryGet(currency, out var c))
        {
            return amount ?? "";
        }

        return Money.Money.Parse(amount, c).Format(CultureInfo.InvariantCulture) + " " + c.Code;
    }

    /// <summary>Whether an API amount in <paramref name="currency"/> is zero (read as Money, not as a bare decimal).</summary>
    public static bool IsZero(string amount, string currency) => Money.Money.Parse(amount, Currency.Get(currency)).IsZero;

    /// <summary>Totals of amounts per currency, e.g. outstanding per currency on the dashboard.</summary>
    public static IReadOnlyList<(string Currency, string Amount)> SumByCurrency(IEnumerable<(string Currency, string Amount)> items) =>
        items.GroupBy(i => i.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var currency = Currency.Get(g.Key);
                return (g.Key, Money.Money.Sum(g.Select(i => Money.Money.Parse(i.Amount, currency)), currency).ToDecimalString());
            })
            .ToArray();

    public static string StatusText(string status) => status switch
    {
        InvoiceStatusNames.PartlyPaid => "partly paid",
        InvoiceStatusNames.QuoteDraft => "draft",
        InvoiceStatusNames.QuoteSent => "sent",
        _ => status,
    };
}

internal static class InvoiceStatusNames
{
    public const string PartlyPaid = Contracts.InvoiceStatuses.PartlyPaid;
    public const string QuoteDraft = Contracts.InvoiceStatuses.QuoteDraft;
    public const string QuoteSent = Contracts.InvoiceStatuses.QuoteSent;
}
