using BillingBooks.Books.Cli.Tests.Support;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Cli.Tests;

public sealed class CheckTests : IDisposable
{
    private readonly BooksRunner _books = new();

    [Fact]
    public void Broken_invariants_are_listed_with_what_and_where_and_check_exits_1()
    {
        Walkthrough.SetUp(_books);
        TamperWith(_books.PathOf(Walkthrough.File));
        var before = _books.Fingerprint();
        _books.ClearTranscript();

        var run = _books.Expect(1, "check");

        Assert.NotEqual(string.Empty, run.Stdout);
        Assert.Equal(before, _books.Fingerprint());
        Golden.Verify("check-failures", _books.Transcript());
    }

    [Fact]
    public void Exporting_into_a_folder_that_does_not_exist_is_refused()
    {
        Walkthrough.SetUp(_books);
        _books.ClearTranscript();
        _books.Refused("export", "hledger", "--output", _books.PathOf("no-such-folder/acme.journal"));
        Golden.Verify("errors-export", _books.Transcript());
    }

    /// <summary>What a buggy program or a hand edit could do: one entry no longer balances, one invoice owes too much.</summary>
    private static void TamperWith(string path)
    {
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE posting SET amount = amount + 100 WHERE entry_id = 2 AND line_no = 1;
                UPDATE invoice SET home_owing = home_owing + 500 WHERE number = '1005';
                """;
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }

    public void Dispose() => _books.Dispose();
}
