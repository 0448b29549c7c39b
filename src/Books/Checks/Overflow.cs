using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Checks;

/// <summary>
/// The two ways adding up minor units fails on a file holding amounts beyond <see cref="Journals.AmountLimit"/>
/// (which only an older Books could write): C# checked arithmetic and SQLite's SUM() both refuse to wrap.
/// </summary>
public static class Overflow
{
    public static bool IsOverflow(Exception e) =>
        e is OverflowException || (e is SqliteException sqlite && sqlite.SqliteErrorCode == 1 && sqlite.Message.Contains("integer overflow", StringComparison.Ordinal));
}
