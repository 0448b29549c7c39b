using BillingBooks.Books.Storage;
using Dapper;

namespace BillingBooks.Books.Sync.Tests.Support;

/// <summary>
/// What must hold in any company file after any sync (SPEC 2.3, 3.5): entries balance, receivable equals the
/// customers' open invoices, no allocation exceeds its invoice, one live posting per Billing record, and the
/// reconciliation's running totals equal what the imported invoices add up to.
/// </summary>
public static class BooksInvariants
{
    public static IReadOnlyList<string> Problems(BooksRead scope)
    {
        var problems = scope.Checks.Run().Select(f => $"{f.Check} at {f.Where}: {f.Message}").ToList();
        var c = scope.Connection;
        var t = scope.Transaction;
        problems.AddRange(c.Query<long>("SELECT entry_id FROM posting GROUP BY entry_id HAVING SUM(amount) <> 0", transaction: t).Select(e => $"entry {e} does not balance"));
        var receivable = c.ExecuteScalar<long>("SELECT COALESCE(SUM(amount), 0) FROM posting WHERE account = (SELECT account FROM linked_account WHERE role = 'AccountsReceivable' OR role = 'accounts-receivable' LIMIT 1)", transaction: t);
        var owing = c.ExecuteScalar<long>("SELECT COALESCE(SUM(home_owing), 0) FROM invoice WHERE reversed = 0", transaction: t);
        if (receivable != owing) problems.Add($"receivable {receivable} but open invoices owe {owing}");
        problems.AddRange(c.Query<long>("SELECT entry_id FROM invoice WHERE owing < 0 OR owing > total", transaction: t).Select(e => $"invoice {e} owes {e} outside 0..total"));
        problems.AddRange(c.Query<string>(
            "SELECT kind || ' ' || record_id FROM sync_source WHERE books_id IS NOT NULL AND reversal_id IS NULL AND deleted = 0 AND kind <> 'customer' GROUP BY kind, record_id HAVING COUNT(*) > 1",
            transaction: t).Select(r => $"{r} is posted more than once"));
        problems.AddRange(c.Query<string>(
            """
            SELECT 'entry ' || s.books_id FROM sync_source s JOIN entry e ON e.id = s.books_id
            WHERE s.kind <> 'customer' AND s.reversal_id IS NULL AND s.deleted = 0 AND e.reversed_by IS NOT NULL
            """, transaction: t).Select(r => $"{r} is reversed but its source says it is live"));
        problems.AddRange(RunningTotals(scope));
        var counted = c.ExecuteScalar<long>("SELECT conflict_count FROM sync_settings", transaction: t);
        var conflicts = c.ExecuteScalar<long>("SELECT COUNT(*) FROM sync_conflict", transaction: t);
        if (counted != conflicts) problems.Add($"conflict_count says {counted} but {conflicts} records are in conflict");
        return problems;
    }

    private const string Imported = "i.reversed = 0 AND EXISTS (SELECT 1 FROM sync_source s WHERE s.books_id = i.entry_id AND s.kind = 'invoice')";

    /// <summary>The triggers' totals (migration 0101) against the same figures computed from the tables.</summary>
    public static IEnumerable<string> RunningTotals(BooksRead scope)
    {
        var c = scope.Connection;
        var t = scope.Transaction;
        var checks = new (string What, string Kept, string Computed)[]
        {
            ("customer totals", "SELECT customer_id, currency, invoiced, owing FROM sync_customer_total WHERE invoiced <> 0 OR owing <> 0",
                $"SELECT customer_id, currency, SUM(total), SUM(owing) FROM invoice i WHERE {Imported} GROUP BY customer_id, currency HAVING SUM(total) <> 0 OR SUM(owing) <> 0"),
            ("currency totals", "SELECT currency, invoiced, owing FROM sync_currency_total WHERE invoiced <> 0 OR owing <> 0",
                $"SELECT currency, SUM(total), SUM(owing) FROM invoice i WHERE {Imported} GROUP BY currency HAVING SUM(total) <> 0 OR SUM(owing) <> 0"),
            ("tax totals", "SELECT currency, tax_id, amount FROM sync_tax_total WHERE amount <> 0",
                $"SELECT i.currency, it.tax_id, SUM(it.amount) FROM invoice_tax it JOIN invoice i ON i.entry_id = it.entry_id WHERE {Imported} GROUP BY i.currency, it.tax_id HAVING SUM(it.amount) <> 0"),
        };
        foreach (var (what, kept, computed) in checks)
        {
            var extra = c.ExecuteScalar<long>($"SELECT COUNT(*) FROM (SELECT * FROM ({kept}) EXCEPT SELECT * FROM ({computed}))", transaction: t);
            var missing = c.ExecuteScalar<long>($"SELECT COUNT(*) FROM (SELECT * FROM ({computed}) EXCEPT SELECT * FROM ({kept}))", transaction: t);
            if (extra + missing > 0) yield return $"running {what}: {extra} rows kept that the tables do not add up to, {missing} rows missing";
        }
    }
}
