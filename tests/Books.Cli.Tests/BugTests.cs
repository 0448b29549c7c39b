using System.Globalization;
using BillingBooks.Books.Cli.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>An exception is a bug: it is never dressed up as a refusal.</summary>
public sealed class BugTests : IDisposable
{
    private readonly BooksRunner _books = new();

    [Fact]
    public void An_exception_exits_70_with_its_stack_trace_on_stderr()
    {
        Walkthrough.SetUp(_books);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var exit = BooksApp.Run(["accounts", "list"], new BrokenWriter(), stderr, _books.Environment, new FakeTimeProvider(BooksRunner.Now));
        Assert.Equal(BooksApp.Bug, exit);
        Assert.StartsWith("books: internal error (this is a bug; please report it with the trace below)\n", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("System.IO.IOException: the disk is full", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains(" at ", stderr.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _books.Dispose();

    private sealed class BrokenWriter : StringWriter
    {
        public BrokenWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override void Write(char value) => throw new IOException("the disk is full");

        public override void Write(string? value) => throw new IOException("the disk is full");

        public override void WriteLine(string? value) => throw new IOException("the disk is full");
    }
}
