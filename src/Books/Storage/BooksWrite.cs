using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Storage;

/// <summary>
/// The write scope: everything a <see cref="BooksRead"/> offers, plus the methods that change the books, all in
/// one SQLite transaction that <see cref="CompanyFile.Write{T}"/> commits only when the work returns OK.
/// Extension modules (Books.Sync) may post several entries and write their own tables through
/// <see cref="BooksRead.Connection"/> and <see cref="BooksRead.Transaction"/> in the same transaction.
/// </summary>
public sealed partial class BooksWrite : BooksRead
{
    internal BooksWrite(SqliteConnection connection, SqliteTransaction transaction, TimeProvider clock)
        : base(connection, transaction, clock, writable: true)
    {
    }

    /// <summary>
    /// Rows inserted, changed or deleted on this file's connection so far, triggers included: compared before and
    /// after some work, it tells whether that work wrote anything. Day totals that Books writes out late do not
    /// count here (they belong to entries whose rows counted when they were posted), so reading in between, which
    /// writes them out, does not look like writing.
    /// </summary>
    public long RowsChanged => TotalChanges - FlushedRows;

    /// <summary>
    /// Marks a point of this transaction that <see cref="RollbackTo"/> can return to (an SQLite savepoint, released
    /// with <see cref="Release"/>). What Books holds in memory is written first, so that a rollback undoes it too.
    /// </summary>
    public void Savepoint(string name) => Run("SAVEPOINT ", name);

    /// <summary>
    /// Undoes everything written since the savepoint, and what this scope remembered since: the next entry takes the
    /// number after the last one kept, and balances and customers are read again. The savepoint stays open.
    /// </summary>
    public void RollbackTo(string name)
    {
        Run("ROLLBACK TO ", name);
        ForgetUndone();
    }

    /// <summary>Ends a savepoint, keeping what was written since it (it commits with the transaction).</summary>
    public void Release(string name) => Run("RELEASE ", name);

    private void Run(string command, string name)
    {
        if (!SavepointName().IsMatch(name)) throw new ArgumentException($"Bug: '{name}' is not a savepoint name.", nameof(name));
        WriteQueued();
        Prepared(command + name).Run();
    }

    [GeneratedRegex("^[a-z_]+$")]
    private static partial Regex SavepointName();
}
