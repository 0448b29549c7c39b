using System.Globalization;
using BillingBooks.Books.Cli.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>At a terminal, reports are boxed tables and long work may show progress; the figures are the same.</summary>
public sealed class TerminalTests : IDisposable
{
    private readonly BooksRunner _books = new();

    [Fact]
    public void A_terminal_gets_boxed_tables_with_the_same_figures()
    {
        Walkthrough.SetUp(_books);
        var (exit, stdout, _) = RunAtTerminal("report", "trial-balance");
        Assert.Equal(0, exit);
        Assert.Contains("╭", stdout, StringComparison.Ordinal);
        Assert.Contains("8306.00", stdout, StringComparison.Ordinal);
        Assert.Contains("Chequing Bank Account", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_at_a_terminal_still_says_the_books_are_sound()
    {
        Walkthrough.SetUp(_books);
        var (exit, stdout, _) = RunAtTerminal("check");
        Assert.Equal(0, exit);
        Assert.Equal("All checks passed: the books are sound.\n", stdout);
    }

    public void Dispose() => _books.Dispose();

    private (int Exit, string Stdout, string Stderr) RunAtTerminal(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var exit = BooksApp.Run(args, stdout, stderr, _books.Environment, new FakeTimeProvider(BooksRunner.Now), Terminal.Console);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
