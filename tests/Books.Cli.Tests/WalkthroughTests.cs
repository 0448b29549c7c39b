using BillingBooks.Books.Cli.Tests.Support;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>docs/books.md's walkthrough, run for real and compared with Golden/walkthrough.txt.</summary>
public sealed class WalkthroughTests : IDisposable
{
    private static readonly string[] Reports =
    [
        "trial-balance", "balance-sheet", "income-statement", "ledger", "aged-receivables", "sales-journal", "receipts-journal",
    ];

    private readonly BooksRunner _books = new();

    [Fact]
    public void A_new_user_sets_up_posts_and_reads_every_report_in_every_format_and_the_books_check_out()
    {
        Walkthrough.SetUp(_books);
        _books.Ok("customers", "list");
        _books.Ok("customers", "show", "Maple Design");
        _books.Ok("sales", "list");
        _books.Ok("sales", "show", "1002");
        _books.Ok("receipts", "list");
        _books.Ok("journal", "list");
        foreach (var format in new[] { "table", "csv", "json" })
        {
            foreach (var report in Reports)
            {
                _books.Ok("report", report, "--format", format);
            }

            _books.Ok("report", "statement", "--customer", "Yankee Corp", "--format", format);
        }

        _books.Ok("check");
        _books.Ok("audit");
        _books.Ok("export", "hledger");
        Golden.Verify("walkthrough", _books.Transcript());
    }

    [Fact]
    public void The_trial_balance_json_has_the_documented_shape()
    {
        Walkthrough.SetUp(_books);
        var json = _books.Ok("report", "trial-balance", "--as-of", "2026-03-06", "--format", "json").Stdout;
        Assert.StartsWith("{\"asOf\":\"2026-03-06\",\"currency\":\"CAD\",\"rows\":[", json, StringComparison.Ordinal);
        Assert.Contains("{\"number\":\"1200\",\"name\":\"Accounts Receivable\",\"debit\":\"3148.00\",\"credit\":\"0.00\"}", json, StringComparison.Ordinal);
        Assert.EndsWith("],\"totalDebit\":\"8148.00\",\"totalCredit\":\"8148.00\"}\n", json, StringComparison.Ordinal);
    }

    public void Dispose() => _books.Dispose();
}
