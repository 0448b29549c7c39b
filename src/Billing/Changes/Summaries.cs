using System.Text.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;
using BillingBooks.Money;

namespace BillingBooks.Billing.Changes;

/// <summary>
/// What the feed's invoices add up to (SPEC 3.5), computed from the very documents the feed serves, in the
/// caller's snapshot, with the cursor of the newest change included.
/// </summary>
public static class Summaries
{
    private static readonly HashSet<string> Counted = new(StringComparer.Ordinal)
    {
        InvoiceStatuses.Sent, InvoiceStatuses.Changed, InvoiceStatuses.PartlyPaid, InvoiceStatuses.Paid,
    };

    private static int Ordinal(string a1, string b1, string a2, string b2)
    {
        var first = string.CompareOrdinal(a1, b1);
        return first != 0 ? first : string.CompareOrdinal(a2, b2);
    }

    public static async Task<DatasetSummary> ReadAsync(Session snapshot, AccountId account)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var through = await snapshot.QuerySingleAsync<long>(
            "SELECT COALESCE(MAX(seq), 0) FROM feed WHERE account_id = @account", new { account = account.Value }).ConfigureAwait(false);
        var docs = await snapshot.QueryAsync<string>(
            "SELECT doc FROM feed WHERE account_id = @account AND kind = 'invoice' AND deleted = 0", new { account = account.Value }).ConfigureAwait(false);

        var customers = new SortedDictionary<(string Customer, string Currency), (decimal Invoiced, decimal Paid, decimal Owing)>(
            Comparer<(string Customer, string Currency)>.Create((a, b) => Ordinal(a.Customer, b.Customer, a.Currency, b.Currency)));
        var currencies = new SortedDictionary<string, (decimal Invoiced, decimal Paid, decimal Owing)>(StringComparer.Ordinal);
        var taxes = new SortedDictionary<(string Currency, string Name, string Rate), decimal>(
            Comparer<(string Currency, string Name, string Rate)>.Create((a, b) => Ordinal(a.Currency, b.Currency, a.Name + "\0" + a.Rate, b.Name + "\0" + b.Rate)));
        foreach (var json in docs)
        {
            var invoice = JsonSerializer.Deserialize<InvoiceDocument>(json, Json.Options)!;
            if (!Counted.Contains(invoice.Status))
            {
                continue;
            }

            var currency = Currency.Get(invoice.Currency);
            var total = Money.Money.Parse(invoice.Total, currency).Amount;
            var paid = Money.Money.Parse(invoice.Paid, currency).Amount;
            var owing = Money.Money.Parse(invoice.Owing, currency).Amount;
            var key = (invoice.CustomerId, invoice.Currency);
            customers[key] = customers.TryGetValue(key, out var c) ? (c.Invoiced + total, c.Paid + paid, c.Owing + owing) : (total, paid, owing);
            currencies[invoice.Currency] = currencies.TryGetValue(invoice.Currency, out var t) ? (t.Invoiced + total, t.Paid + paid, t.Owing + owing) : (total, paid, owing);
            foreach (var tax in invoice.Taxes)
            {
                var taxKey = (invoice.Currency, tax.Name, tax.Rate);
                taxes[taxKey] = taxes.GetValueOrDefault(taxKey) + Money.Money.Parse(tax.Amount, currency).Amount;
            }
        }

        string Text(decimal amount, string code) => Money.Money.Of(amount, Currency.Get(code)).ToDecimalString();
        return new DatasetSummary(
            Feed.Cursor(through),
            customers.Select(p => new CustomerBalance(p.Key.Customer, p.Key.Currency, Text(p.Value.Invoiced, p.Key.Currency), Text(p.Value.Paid, p.Key.Currency), Text(p.Value.Owing, p.Key.Currency))).ToArray(),
            currencies.Select(p => new CurrencyTotals(p.Key, Text(p.Value.Invoiced, p.Key), Text(p.Value.Paid, p.Key), Text(p.Value.Owing, p.Key))).ToArray(),
            taxes.Select(p => new TaxTotal(p.Key.Currency, p.Key.Name, p.Key.Rate, Text(p.Value, p.Key.Currency))).ToArray());
    }
}
