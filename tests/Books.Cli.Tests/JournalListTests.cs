using BillingBooks.Books.Cli.Tests.Support;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>`journal list`: one row per posting line, each readable alone where a program (or a spreadsheet filter) reads it.</summary>
public sealed class JournalListTests : IDisposable
{
    private readonly BooksRunner _books = new();

    [Fact]
    public void Csv_rows_each_carry_their_entry_number_date_and_kind()
    {
        Walkthrough.SetUp(_books);
        var lines = _books.Ok("journal", "list", "--format", "csv").Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Entry,Date,Kind,Memo,Account,Name,Debit,Credit", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.All(rows, r => Assert.False(r[0].Length == 0 || r[1].Length == 0 || r[2].Length == 0, string.Join(',', r)));

        // The lines of entry 2 (invoice 1001: receivable, two revenue lines, two taxes) all say so.
        Assert.Equal(5, rows.Count(r => r[0] == "2" && r[1] == "2026-03-02" && r[2] == "sale"));
    }

    [Fact]
    public void The_table_names_each_entry_once_for_readability()
    {
        Walkthrough.SetUp(_books);
        var table = _books.Ok("journal", "list").Stdout.Split('\n');

        Assert.Single(table, l => l.StartsWith("2 ", StringComparison.Ordinal));
        Assert.Contains(table, l => l.StartsWith("                            Logo design", StringComparison.Ordinal));
    }

    public void Dispose() => _books.Dispose();
}
