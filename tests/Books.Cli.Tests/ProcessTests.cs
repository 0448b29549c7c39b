using BillingBooks.Books.Cli.Tests.Support;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>The real program: Main, exit codes and BOOKS_FILE, end to end.</summary>
public sealed class ProcessTests : IDisposable
{
    private static readonly Dictionary<string, string> NoEnvironment = [];
    private readonly BooksRunner _books = new();

    [Fact]
    public void Help_exits_0_and_prints_to_stdout()
    {
        var run = BooksProcess.Run(NoEnvironment, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void An_unknown_option_exits_1_with_one_line_on_stderr()
    {
        var run = BooksProcess.Run(NoEnvironment, "--bogus");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal("error: '--bogus' is not an option or command of 'books' (see 'books --help')\n", run.Stderr);
    }

    [Fact]
    public void A_company_created_with_new_is_used_through_BOOKS_FILE_and_checks_out()
    {
        var file = _books.PathOf("acme.books");
        Assert.Equal(0, BooksProcess.Run(NoEnvironment, "new", file, "--name", "Acme Ltd", "--fiscal-start", "2026-01-01").ExitCode);
        var withFile = new Dictionary<string, string> { ["BOOKS_FILE"] = file };

        var posted = BooksProcess.Run(withFile, "journal", "post", "--date", "2026-01-02", "--debit", "1060=100.00", "--credit", "3010=100.00");
        Assert.True(posted.ExitCode == 0, posted.Stderr);
        var report = BooksProcess.Run(withFile, "report", "trial-balance", "--as-of", "2026-01-31", "--format", "csv");
        Assert.Equal(0, report.ExitCode);
        Assert.Equal("Number,Name,Debit,Credit\r\n1060,Chequing Bank Account,100.00,0.00\r\n3010,Owner's Contributions,0.00,100.00\r\n,Total,100.00,100.00\r\n", report.Stdout);
        Assert.Equal(0, BooksProcess.Run(withFile, "check").ExitCode);
        Assert.DoesNotContain("\u001b", report.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_company_file_exits_1_and_creates_nothing()
    {
        var file = _books.PathOf("missing.books");
        var run = BooksProcess.Run(new Dictionary<string, string> { ["BOOKS_FILE"] = file }, "accounts", "list");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: {file} does not exist. Check the path, or create the company with `books company create`.\n", run.Stderr);
        Assert.False(File.Exists(file));
    }

    public void Dispose() => _books.Dispose();
}
