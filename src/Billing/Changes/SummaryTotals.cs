using System.Text.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;
using BillingBooks.Money;
using Dapper;

namespace BillingBooks.Billing.Changes;

/// <summary>
/// The running totals behind the reconciliation summary (SPEC 3.5): what each counted invoice adds, per
/// customer and currency, per currency and per tax. Kept in the same transaction as every invoice write to
/// the feed (so they always agree with the documents the feed serves at the same cursor), and built from the
/// feed documents on first use for an account from before them (migration 0101).
/// </summary>
public static class SummaryTotals
{
    private static readonly HashSet<string> Counted = new(StringComparer.Ordinal)
    {
        InvoiceStatuses.Sent, InvoiceStatuses.Changed, InvoiceStatuses.PartlyPaid, InvoiceStatuses.Paid,
    };

    /// <summary>What one invoice adds to the totals (minor units); null when it counts for nothing.</summary>
    private sealed record Contribution(string CustomerId, string Currency, long Invoiced, long Paid, long Owing, IReadOnlyList<TaxShare> Taxes)
    {
        public bool SameAs(Contribution other) =>
            (CustomerId, Currency, Invoiced, Paid, Owing) == (other.CustomerId, other.Currency, other.Invoiced, other.Paid, other.Owing) && Taxes.SequenceEqual(other.Taxes);
    }

    private sealed record TaxShare(string Name, string Rate, long Amount);

    private static Contribution? Of(InvoiceDocument invoice, bool deleted)
    {
        if (deleted || !Counted.Contains(invoice.Status))
        {
            return null;
        }

        var currency = Currency.Get(invoice.Currency);
        long Minor(string amount) => Money.Money.Parse(amount, currency).MinorUnits;
        var taxes = invoice.Taxes
            .GroupBy(t => (t.Name, t.Rate))
            .Select(g => new TaxShare(g.Key.Name, g.Key.Rate, g.Sum(t => Minor(t.Amount))))
            .OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Rate, StringComparer.Ordinal)
            .ToArray();
        return new Contribution(invoice.CustomerId, invoice.Currency, Minor(invoice.Total), Minor(invoice.Paid), Minor(invoice.Owing), taxes);
    }

    /// <summary>
    /// Moves the totals from what the invoice's current feed document adds to what <paramref name="invoice"/>
    /// adds; called before the document replaces it.
    /// </summary>
    public static async Task ApplyAsync(AccountWrite write, long invoiceId, long seq, bool deleted, InvoiceDocument invoice)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(invoice);
        var current = await write.QuerySingleOrDefaultAsync<CurrentRow>(
            "SELECT deleted AS Deleted, doc AS Doc FROM feed WHERE account_id = @account AND kind = 'invoice' AND record_id = @invoice",
            new { account = write.Account.Value, invoice = invoiceId }).ConfigureAwait(false);
        var old = current is null ? null : Of(JsonSerializer.Deserialize<InvoiceDocument>(current.Doc, Json.Options)!, current.Deleted != 0);
        var now = Of(invoice, deleted);
        if (old is null ? now is null : now is not null && now.SameAs(old))
        {
            return;
        }

        var totals = new Tally();
        totals.Add(old, -1, seq);
        totals.Add(now, +1, seq);
        await totals.WriteAsync(write, write.Account).ConfigureAwait(false);
    }

    /// <summary>A batch of invoice documents written to the feed another way (the seeder's bulk rows), added up to write once.</summary>
    public sealed class Batch
    {
        private readonly Tally _totals = new();

        /// <summary>A document written as a new feed row (not replacing one).</summary>
        public void Add(InvoiceDocument invoice, bool deleted, long seq)
        {
            ArgumentNullException.ThrowIfNull(invoice);
            _totals.Add(Of(invoice, deleted), +1, seq);
        }

        public Task WriteAsync(AccountWrite write)
        {
            ArgumentNullException.ThrowIfNull(write);
            return _totals.WriteAsync(write, write.Account);
        }
    }

    /// <summary>False while the account's totals wait to be built from its feed (an account from before the totals existed).</summary>
    public static async Task<bool> IsBuiltAsync(Session session, AccountId account)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.QuerySingleOrDefaultAsync<long?>("SELECT account_id FROM summary_unbuilt WHERE account_id = @account", new { account = account.Value }).ConfigureAwait(false) is null;
    }

    /// <summary>Builds the account's totals from its feed documents, once; the caller holds the account's lock.</summary>
    public static async Task BuildAsync(AccountWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var account = new { account = write.Account.Value };
        foreach (var table in new[] { "summary_customers", "summary_currencies", "summary_taxes" })
        {
            await write.ExecuteAsync($"DELETE FROM {table} WHERE account_id = @account", account).ConfigureAwait(false);
        }

        var totals = new Tally();
        const int BatchSize = 5000;
        for (long after = 0; ;)
        {
            // In batches: PostgreSQL runs one command at a time on a connection, and memory stays flat.
            var rows = (await write.QueryAsync<(long RecordId, long Seq, string Doc)>(
                "SELECT record_id, seq, doc FROM feed WHERE account_id = @account AND kind = 'invoice' AND deleted = 0 AND record_id > @after ORDER BY record_id LIMIT @take",
                new { account.account, after, take = BatchSize }).ConfigureAwait(false)).AsList();
            if (rows.Count == 0)
            {
                break;
            }

            foreach (var (_, seq, doc) in rows)
            {
                totals.Add(Of(JsonSerializer.Deserialize<InvoiceDocument>(doc, Json.Options)!, deleted: false), +1, seq);
            }

            after = rows[^1].RecordId;
        }

        await totals.WriteAsync(write, write.Account).ConfigureAwait(false);
        await write.ExecuteAsync("DELETE FROM summary_unbuilt WHERE account_id = @account", account).ConfigureAwait(false);
    }

    private sealed record CurrentRow(long Deleted, string Doc);

    /// <summary>Changes to the total rows, added up in memory and written once per row.</summary>
    private sealed class Tally
    {
        private readonly Dictionary<(string Customer, string Currency), (long Count, long Invoiced, long Paid, long Owing, long Seq)> _customers = [];
        private readonly Dictionary<string, (long Count, long Invoiced, long Paid, long Owing)> _currencies = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Currency, string Name, string Rate), (long Count, long Amount)> _taxes = [];

        public void Add(Contribution? share, int sign, long seq)
        {
            if (share is null)
            {
                return;
            }

            var key = (share.CustomerId, share.Currency);
            var c = _customers.GetValueOrDefault(key);
            _customers[key] = (c.Count + sign, c.Invoiced + (sign * share.Invoiced), c.Paid + (sign * share.Paid), c.Owing + (sign * share.Owing), Math.Max(c.Seq, seq));
            var t = _currencies.GetValueOrDefault(share.Currency);
            _currencies[share.Currency] = (t.Count + sign, t.Invoiced + (sign * share.Invoiced), t.Paid + (sign * share.Paid), t.Owing + (sign * share.Owing));
            foreach (var tax in share.Taxes)
            {
                var taxKey = (share.Currency, tax.Name, tax.Rate);
                var x = _taxes.GetValueOrDefault(taxKey);
                _taxes[taxKey] = (x.Count + sign, x.Amount + (sign * tax.Amount));
            }
        }

        public async Task WriteAsync(Session session, AccountId account)
        {
            var a = account.Value;
            await session.ExecuteAsync(
                "INSERT INTO summary_customers (account_id, customer_id, currency, invoices, invoiced, paid, owing, seq) VALUES (@a, @customer, @currency, @count, @invoiced, @paid, @owing, @seq) " +
                "ON CONFLICT (account_id, customer_id, currency) DO UPDATE SET invoices = summary_customers.invoices + excluded.invoices, " +
                "invoiced = summary_customers.invoiced + excluded.invoiced, paid = summary_customers.paid + excluded.paid, owing = summary_customers.owing + excluded.owing, seq = excluded.seq",
                _customers.Where(p => p.Value != (0, 0, 0, 0, p.Value.Seq))
                    .Select(p => new { a, customer = p.Key.Customer, currency = p.Key.Currency, count = p.Value.Count, invoiced = p.Value.Invoiced, paid = p.Value.Paid, owing = p.Value.Owing, seq = p.Value.Seq })).ConfigureAwait(false);
            await session.ExecuteAsync(
                "INSERT INTO summary_currencies (account_id, currency, invoices, invoiced, paid, owing) VALUES (@a, @currency, @count, @invoiced, @paid, @owing) " +
                "ON CONFLICT (account_id, currency) DO UPDATE SET invoices = summary_currencies.invoices + excluded.invoices, " +
                "invoiced = summary_currencies.invoiced + excluded.invoiced, paid = summary_currencies.paid + excluded.paid, owing = summary_currencies.owing + excluded.owing",
                _currencies.Where(p => p.Value != (0, 0, 0, 0))
                    .Select(p => new { a, currency = p.Key, count = p.Value.Count, invoiced = p.Value.Invoiced, paid = p.Value.Paid, owing = p.Value.Owing })).ConfigureAwait(false);
            await session.ExecuteAsync(
                "INSERT INTO summary_taxes (account_id, currency, name, rate, invoices, amount) VALUES (@a, @currency, @name, @rate, @count, @amount) " +
                "ON CONFLICT (account_id, currency, name, rate) DO UPDATE SET invoices = summary_taxes.invoices + excluded.invoices, amount = summary_taxes.amount + excluded.amount",
                _taxes.Where(p => p.Value != (0, 0))
                    .Select(p => new { a, currency = p.Key.Currency, name = p.Key.Name, rate = p.Key.Rate, count = p.Value.Count, amount = p.Value.Amount })).ConfigureAwait(false);
        }
    }
}
