using System.Globalization;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Storage;
using BillingBooks.Money;
using Dapper;

namespace BillingBooks.Billing.Changes;

/// <summary>
/// What the feed's invoices add up to (SPEC 3.5), read from the running totals (<see cref="SummaryTotals"/>)
/// in the caller's snapshot, with the cursor of the newest change included: a few rows, whatever the size of
/// the account.
/// </summary>
public static class Summaries
{
    /// <summary>Which customers' balances to list: all, or those changed after a cursor plus some named ones.</summary>
    public sealed record CustomerFilter(long? ChangedAfter, IReadOnlyList<string> Customers)
    {
        public static readonly CustomerFilter All = new(null, []);

        public bool IsAll => ChangedAfter is null && Customers.Count == 0;
    }

    public static async Task<DatasetSummary> ReadAsync(Session snapshot, AccountId account, CustomerFilter filter)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(filter);
        var a = account.Value;
        var through = await snapshot.QuerySingleAsync<long>("SELECT COALESCE(MAX(seq), 0) FROM feed WHERE account_id = @a", new { a }).ConfigureAwait(false);
        const string Columns = "SELECT customer_id AS Customer, currency AS Currency, invoiced AS Invoiced, paid AS Paid, owing AS Owing FROM summary_customers WHERE account_id = @a";
        var customers = new List<TotalsRow>();
        if (filter.IsAll)
        {
            customers.AddRange(await snapshot.QueryAsync<TotalsRow>(Columns + " AND invoices > 0", new { a }).ConfigureAwait(false));
        }
        else
        {
            // A balance that dropped to nothing is listed too (as zero): the caller may still show the old one.
            if (filter.ChangedAfter is { } after)
            {
                customers.AddRange(await snapshot.QueryAsync<TotalsRow>(Columns + " AND seq > @after", new { a, after }).ConfigureAwait(false));
            }

            if (filter.Customers.Count > 0)
            {
                // Parameters named one by one: Dapper expands "IN @list" on SQLite but sends an array to PostgreSQL.
                var ids = filter.Customers.Distinct(StringComparer.Ordinal).ToArray();
                var parameters = new DynamicParameters(new { a });
                for (var i = 0; i < ids.Length; i++)
                {
                    parameters.Add("c" + i.ToString(CultureInfo.InvariantCulture), ids[i]);
                }

                var list = string.Join(", ", ids.Select((_, i) => "@c" + i.ToString(CultureInfo.InvariantCulture)));
                customers.AddRange(await snapshot.QueryAsync<TotalsRow>(Columns + " AND customer_id IN (" + list + ")", parameters).ConfigureAwait(false));
            }
        }

        var currencies = await snapshot.QueryAsync<CurrencyRow>(
            "SELECT currency AS Currency, invoiced AS Invoiced, paid AS Paid, owing AS Owing FROM summary_currencies WHERE account_id = @a AND invoices > 0", new { a }).ConfigureAwait(false);
        var taxes = await snapshot.QueryAsync<TaxRow>(
            "SELECT currency AS Currency, name AS Name, rate AS Rate, amount AS Amount FROM summary_taxes WHERE account_id = @a AND invoices > 0", new { a }).ConfigureAwait(false);

        static string Text(long minor, string code) => Money.Money.FromMinorUnits(minor, Currency.Get(code)).ToDecimalString();
        return new DatasetSummary(
            Feed.Cursor(through),
            customers.DistinctBy(c => (c.Customer, c.Currency))
                .OrderBy(c => c.Customer, StringComparer.Ordinal).ThenBy(c => c.Currency, StringComparer.Ordinal)
                .Select(c => new CustomerBalance(c.Customer, c.Currency, Text(c.Invoiced, c.Currency), Text(c.Paid, c.Currency), Text(c.Owing, c.Currency))).ToArray(),
            currencies.OrderBy(c => c.Currency, StringComparer.Ordinal)
                .Select(c => new CurrencyTotals(c.Currency, Text(c.Invoiced, c.Currency), Text(c.Paid, c.Currency), Text(c.Owing, c.Currency))).ToArray(),
            taxes.OrderBy(t => t.Currency, StringComparer.Ordinal).ThenBy(t => t.Name + "\0" + t.Rate, StringComparer.Ordinal)
                .Select(t => new TaxTotal(t.Currency, t.Name, t.Rate, Text(t.Amount, t.Currency))).ToArray());
    }

    private sealed record TotalsRow(string Customer, string Currency, long Invoiced, long Paid, long Owing);

    private sealed record CurrencyRow(string Currency, long Invoiced, long Paid, long Owing);

    private sealed record TaxRow(string Currency, string Name, string Rate, long Amount);
}
