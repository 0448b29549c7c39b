using BillingBooks.Books.Journals;
using BillingBooks.Books.Storage;
using Dapper;

namespace BillingBooks.Books.Sync;

/// <summary>
/// A dry run's plan, read back from the entries it posted in its (rolled back) transaction: each entry with
/// its effect on each account, in home-currency minor units.
/// </summary>
internal static class EntryPlan
{
    public static EntryId NextEntryId(BooksRead scope) =>
        new(scope.Connection.ExecuteScalar<long>("SELECT COALESCE(MAX(id), 0) + 1 FROM entry", transaction: scope.Transaction));

    public static IReadOnlyList<PlannedEntry> Since(BooksRead scope, EntryId firstEntry)
    {
        var rows = scope.Connection.Query<(long Entry, string Kind, string Memo, long Reverses, long Account, long Amount)>(
            """
            SELECT e.id, e.kind, e.memo, COALESCE(e.reverses, 0), p.account, SUM(p.amount)
            FROM entry e JOIN posting p ON p.entry_id = e.id
            WHERE e.id >= @firstEntry
            GROUP BY e.id, p.account ORDER BY e.id, p.account
            """, new { firstEntry = firstEntry.Value }, scope.Transaction);
        return rows
            .GroupBy(r => (r.Entry, r.Kind, r.Memo, r.Reverses))
            .Select(g => new PlannedEntry(
                g.Key.Kind == "reversal" ? "reverse" : "post",
                g.Key.Kind,
                g.Key.Memo,
                g.ToDictionary(r => checked((int)r.Account), r => r.Amount)))
            .ToList();
    }
}
