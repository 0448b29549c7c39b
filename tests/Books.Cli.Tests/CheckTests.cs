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

    /// <summary>A reviewer's edits with sqlite3, each to its own copy of the walkthrough's file: every one is named, with where.</summary>
    [Fact]
    public void Hand_edits_that_once_passed_are_each_named_with_where()
    {
        Walkthrough.SetUp(_books);
        (string Name, string Sql)[] edits =
        [
            ("entry-deleted", "DELETE FROM entry WHERE id = 1"),
            ("day-moved", "UPDATE account_day SET date = '2026-01-03' WHERE date = '2026-01-02'"),
            ("entry-before-the-books", "UPDATE entry SET date = '2025-06-01' WHERE id = 1"),
            ("receipt-amount", "UPDATE receipt SET amount = amount + 5000 WHERE entry_id = 7"),
            ("allocations-beyond-receipt", "UPDATE allocation SET amount = amount + 100000 WHERE receipt_id = 9"),
            ("invoice-line", "UPDATE invoice_line SET amount = amount + 100 WHERE entry_id = 4"),
            ("sale-made-general", "UPDATE entry SET kind = 'general' WHERE id = 4"),
        ];
        foreach (var (name, sql) in edits)
        {
            File.Copy(_books.PathOf(Walkthrough.File), _books.PathOf(name + ".books"));
            Execute(_books.PathOf(name + ".books"), "PRAGMA foreign_keys = OFF; " + sql);
        }

        _books.ClearTranscript();
        foreach (var (name, _) in edits)
        {
            _books.Expect(1, "-f", _books.PathOf(name + ".books"), "check");
        }

        Golden.Verify("check-tampered", _books.Transcript());
    }

    [Fact]
    public void Exporting_into_a_folder_that_does_not_exist_is_refused()
    {
        Walkthrough.SetUp(_books);
        _books.ClearTranscript();
        _books.Refused("export", "hledger", "--output", _books.PathOf("no-such-folder/acme.journal"));
        Golden.Verify("errors-export", _books.Transcript());
    }

    [Fact]
    public void Amounts_an_older_Books_let_grow_too_large_are_refused_by_reports_and_listed_by_check_never_a_crash()
    {
        Walkthrough.SetUp(_books);
        Execute(_books.PathOf(Walkthrough.File), """
            INSERT INTO entry (id, kind, date, memo, posted_at) VALUES (100, 'general', '2026-03-30', 'huge', '2026-03-30T00:00:00.0000000+00:00'), (101, 'general', '2026-03-31', 'huge', '2026-03-30T00:00:00.0000000+00:00');
            INSERT INTO posting (entry_id, line_no, account, amount) VALUES (100, 1, 1060, 5000000000000000000), (100, 2, 3010, -5000000000000000000), (101, 1, 1060, 5000000000000000000), (101, 2, 3010, -5000000000000000000);
            INSERT INTO account_day (account, date, amount) VALUES (1060, '2026-03-30', 5000000000000000000), (3010, '2026-03-30', -5000000000000000000) ON CONFLICT (account, date) DO UPDATE SET amount = amount + excluded.amount;
            INSERT INTO account_day (account, date, amount) VALUES (1060, '2026-03-31', 5000000000000000000), (3010, '2026-03-31', -5000000000000000000) ON CONFLICT (account, date) DO UPDATE SET amount = amount + excluded.amount;
            INSERT INTO audit_trail (at, action, entry_id, detail) VALUES ('2026-03-30T00:00:00.0000000+00:00', 'post', 100, 'huge'), ('2026-03-30T00:00:00.0000000+00:00', 'post', 101, 'huge');
            """);
        _books.ClearTranscript();

        _books.Refused("report", "trial-balance");
        _books.Refused("report", "balance-sheet");
        _books.Expect(1, "check");
        _books.Ok("journal", "reverse", "101", "--date", "2026-03-31", "--reason", "absurd amount");
        _books.Ok("journal", "reverse", "100", "--date", "2026-03-30", "--reason", "absurd amount");
        _books.Ok("report", "trial-balance");

        Golden.Verify("check-overflow", _books.Transcript());
    }

    /// <summary>What a buggy program or a hand edit could do: one entry no longer balances, one invoice owes too much.</summary>
    private static void TamperWith(string path) => Execute(path, """
        UPDATE posting SET amount = amount + 100 WHERE entry_id = 2 AND line_no = 1;
        UPDATE invoice SET home_owing = home_owing + 500 WHERE number = '1005';
        """);

    private static void Execute(string path, string sql)
    {
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the tests' own SQL
            command.CommandText = sql;
#pragma warning restore CA2100
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }

    public void Dispose() => _books.Dispose();
}
