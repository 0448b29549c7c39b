using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Sync.Tests.Support;

/// <summary>What every test of an interrupted sync waits for and checks afterwards.</summary>
public static class AfterInterruption
{
    /// <summary>Feed items the company file has imported so far, read beside the running sync (its own connection).</summary>
    public static long Imported(BooksCompany books)
    {
        ArgumentNullException.ThrowIfNull(books);
        using var connection = new SqliteConnection($"Data Source={books.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM sync_source";
        return (long)count.ExecuteScalar()!;
    }

    /// <summary>
    /// The interrupted file is sound, the next sync completes it cleanly, and the result is the very books one
    /// uninterrupted sync makes: nothing posted twice, nothing lost.
    /// </summary>
    public static void AssertTheNextSyncEndsAsOneSyncWould(BooksCompany books, Uri server, BillingAccount billing)
    {
        ArgumentNullException.ThrowIfNull(books);
        Assert.Empty(books.Read(BooksInvariants.Problems));
        var done = books.Sync(server, billing);
        Assert.True(done.ExitCode == 0 && done.Report.Reconciliation.Clean, done.ToString());
        using var once = new BooksCompany();
        Assert.Equal(0, once.Sync(server, billing).ExitCode);
        Assert.Equal(once.Read(Fingerprint.Of), books.Read(Fingerprint.Of));
    }
}
