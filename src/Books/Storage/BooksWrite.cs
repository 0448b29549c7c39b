using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Storage;

/// <summary>
/// The write scope: everything a <see cref="BooksRead"/> offers, plus the methods that change the books, all in
/// one SQLite transaction that <see cref="CompanyFile.Write{T}"/> commits only when the work returns OK.
/// Extension modules (Books.Sync) may post several entries and write their own tables through
/// <see cref="BooksRead.Connection"/> and <see cref="BooksRead.Transaction"/> in the same transaction.
/// </summary>
public sealed class BooksWrite : BooksRead
{
    internal BooksWrite(SqliteConnection connection, SqliteTransaction transaction, TimeProvider clock)
        : base(connection, transaction, clock, writable: true)
    {
    }
}
