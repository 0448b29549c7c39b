using BillingBooks.Books.Storage;
using Dapper;

namespace BillingBooks.Books.Sync.Tests.Support;

/// <summary>
/// What must hold in any company file after any sync (SPEC 2.3, 3.5): entries balance, receivable equals the
/// customers' open invoices, no allocation exceeds its invoice, one live posting per Billing record.
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
        return problems;
    }
}
