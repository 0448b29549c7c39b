using BillingBooks.Books.Cli.Tests.Support;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>The real program: Main, exit codes and BOOKS_FILE, end to end.</summary>
public sealed class ProcessTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

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
        Assert.Equal("error: Unrecognized command or argument '--bogus' (see 'books --help')\n", run.Stderr);
    }
}
