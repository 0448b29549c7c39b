using System.Text.Json;
using BillingBooks.Books.Journals;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Sync.Storage;

/// <summary>
/// The imported invoices' running totals (migration 0101: kept by triggers at every change) and what the
/// last reconciliation left behind: which customers differed, and Billing's cursor it compared at.
/// Customers are named by their Billing id (the end of <c>customer.external_reference</c>).
/// </summary>
public sealed class RunningTotals(SqliteConnection connection, SqliteTransaction transaction, string dataset)
{
    private readonly string _prefix = $"billing:{dataset}/customer/";

    public string? ReconciledThrough() =>
        connection.ExecuteScalar<string?>("SELECT reconciled_through FROM sync_settings WHERE id = 1", transaction: transaction);

    /// <summary>Customers to compare again: those whose figures moved in Books since the last reconciliation, and those that differed then.</summary>
    public IReadOnlyList<string> Unsettled() =>
        connection.Query<string>(
            """
            SELECT c.external_reference FROM sync_customer_total t JOIN customer c ON c.id = t.customer_id
            WHERE t.changed = 1 AND substr(c.external_reference, 1, length(@prefix)) = @prefix
            """, new { prefix = _prefix }, transaction)
            .Select(BillingId)
            .Union(connection.Query<string>("SELECT customer FROM sync_difference", transaction: transaction), StringComparer.Ordinal)
            .ToList();

    /// <summary>Invoiced and owing per customer and currency: of the customers named, or of every customer (null).</summary>
    public IReadOnlyList<CustomerTotal> Customers(IReadOnlyCollection<string>? billingIds)
    {
        // The column itself, not an expression of it: Microsoft.Data.Sqlite types an expression by its first value.
        const string Select = """
            SELECT c.external_reference, c.name, t.currency, t.invoiced, t.owing
            FROM customer c JOIN sync_customer_total t ON t.customer_id = c.id
            """;
        return (billingIds is null
            ? connection.Query<(string Reference, string Name, string Currency, long Invoiced, long Owing)>(Select + " WHERE substr(c.external_reference, 1, length(@prefix)) = @prefix", new { prefix = _prefix }, transaction)
            : connection.Query<(string Reference, string Name, string Currency, long Invoiced, long Owing)>(Select + " WHERE c.external_reference IN (SELECT value FROM json_each(@references))",
                new { references = References(billingIds) }, transaction))
            .Select(r => new CustomerTotal(BillingId(r.Reference), r.Name, r.Currency, r.Invoiced, r.Owing))
            .ToList();
    }

    /// <summary>Books' names of the customers named (Billing id -> name), for those Books knows.</summary>
    public IReadOnlyDictionary<string, string> Names(IReadOnlyCollection<string> billingIds) =>
        connection.Query<(string Reference, string Name)>(
            "SELECT external_reference, name FROM customer WHERE external_reference IN (SELECT value FROM json_each(@references))",
            new { references = References(billingIds) }, transaction)
            .ToDictionary(r => BillingId(r.Reference), r => r.Name, StringComparer.Ordinal);

    public IReadOnlyList<(string Currency, long Invoiced, long Owing)> Currencies() =>
        connection.Query<(string, long, long)>("SELECT currency, invoiced, owing FROM sync_currency_total", transaction: transaction).AsList();

    /// <summary>Tax charged per currency and tax name (upper case: Billing and Books may spell it differently).</summary>
    public IReadOnlyList<(string Currency, string Name, long Amount)> Taxes() =>
        connection.Query<(string, string, long)>(
            "SELECT tt.currency, upper(t.name), SUM(tt.amount) FROM sync_tax_total tt JOIN tax t ON t.id = tt.tax_id GROUP BY tt.currency, upper(t.name)",
            transaction: transaction).AsList();

    /// <summary>
    /// The first few open conflicts of a Billing customer (<paramref name="currency"/> null) or of a currency. A conflict
    /// row says the customer and currency of the version waiting; an invoice whose new version waits still has its
    /// old version posted in Books, maybe for another customer or in another currency, so it is looked up by those too.
    /// </summary>
    public IReadOnlyList<string> ConflictLabels(string? customer, string? currency, int limit) =>
        (customer is not null
            ? connection.Query<string>(
                """
                SELECT label FROM (
                    SELECT label, seq FROM sync_conflict WHERE customer_id = @customer
                    UNION
                    SELECT k.label, k.seq FROM customer c
                    JOIN invoice i ON i.customer_id = c.id AND i.reversed = 0
                    JOIN sync_source s ON s.books_id = i.entry_id AND s.kind = 'invoice'
                    JOIN sync_conflict k ON k.dataset = s.dataset AND k.kind = 'invoice' AND k.record_id = s.record_id
                    WHERE c.external_reference = @reference)
                ORDER BY seq LIMIT @limit
                """, new { customer, reference = _prefix + customer, limit }, transaction)
            : connection.Query<string>(
                """
                SELECT label FROM (
                    SELECT label, seq FROM sync_conflict WHERE currency = @currency
                    UNION
                    SELECT k.label, k.seq FROM sync_conflict k
                    JOIN sync_source s ON s.dataset = k.dataset AND s.kind = 'invoice' AND s.record_id = k.record_id AND s.reversal_id IS NULL
                    JOIN invoice i ON i.entry_id = s.books_id AND i.reversed = 0
                    WHERE k.kind = 'invoice' AND i.currency = @currency)
                ORDER BY seq LIMIT @limit
                """, new { currency, limit }, transaction)).AsList();

    /// <summary>
    /// The receipts entered in Books by hand (no source reference) that pay a Billing customer's imported invoices in a
    /// currency: Billing never sees them, so each makes Books owe less than Billing. Found from the customer's
    /// invoices (indexed), so it costs what that customer holds.
    /// </summary>
    public IReadOnlyList<HandReceipt> HandReceipts(string customer, string currency, int limit) =>
        connection.Query<(long Entry, string InvoiceNumber)>(
            """
            SELECT a.receipt_id, i.number -- the column itself: Microsoft.Data.Sqlite types an expression by its first value
            FROM customer c
            JOIN invoice i ON i.customer_id = c.id AND i.currency = @currency AND i.reversed = 0
            JOIN allocation a ON a.invoice_id = i.entry_id
            JOIN receipt r ON r.entry_id = a.receipt_id AND r.reversed = 0
            WHERE c.external_reference = @reference
              AND EXISTS (SELECT 1 FROM sync_source s WHERE s.books_id = i.entry_id AND s.kind = 'invoice')
              AND NOT EXISTS (SELECT 1 FROM sync_source s WHERE s.books_id = a.receipt_id AND s.kind = 'payment')
            GROUP BY a.receipt_id ORDER BY a.receipt_id LIMIT @limit
            """, new { reference = _prefix + customer, currency, limit }, transaction).Select(r => new HandReceipt(new EntryId(r.Entry), r.InvoiceNumber)).ToList();

    /// <summary>
    /// Records a comparison at Billing's <paramref name="through"/>: the customers compared (all when null) are
    /// settled except those in <paramref name="differing"/>, which are compared again next time.
    /// </summary>
    public void Reconciled(string through, IReadOnlyCollection<string>? compared, IReadOnlyCollection<string> differing)
    {
        if (compared is null)
        {
            connection.Execute("DELETE FROM sync_difference", transaction: transaction);
            connection.Execute("UPDATE sync_customer_total SET changed = 0 WHERE changed = 1", transaction: transaction);
        }
        else
        {
            var ids = JsonSerializer.Serialize(compared);
            connection.Execute("DELETE FROM sync_difference WHERE customer IN (SELECT value FROM json_each(@ids))", new { ids }, transaction);
            connection.Execute(
                "UPDATE sync_customer_total SET changed = 0 WHERE changed = 1 AND customer_id IN (SELECT id FROM customer WHERE external_reference IN (SELECT value FROM json_each(@references)))",
                new { references = References(compared) }, transaction);
        }
        connection.Execute("INSERT OR IGNORE INTO sync_difference (customer) VALUES (@customer)", differing.Select(customer => new { customer }), transaction);
        connection.Execute("UPDATE sync_settings SET reconciled_through = @through WHERE id = 1", new { through }, transaction);
    }

    private string BillingId(string reference) => reference[_prefix.Length..];

    private string References(IEnumerable<string> billingIds) => JsonSerializer.Serialize(billingIds.Select(id => _prefix + id));
}

/// <summary>A receipt entered in Books by hand (its entry) on an imported invoice.</summary>
public sealed record HandReceipt(EntryId Entry, string InvoiceNumber);

/// <summary>Books' figures for one customer in one currency (minor units).</summary>
public sealed record CustomerTotal(string Customer, string Name, string Currency, long Invoiced, long Owing);
