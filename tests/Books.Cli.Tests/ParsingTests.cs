using BillingBooks.Books.Cli.Tests.Support;

namespace BillingBooks.Books.Cli.Tests;

public sealed class ParsingTests : IDisposable
{
    private readonly BooksRunner _books = new();

    [Fact]
    public void Parse_errors_are_one_line_naming_the_fix_with_exit_1()
    {
        _books.Expect(1, "--bogus");
        Golden.Verify("parse-errors", _books.Transcript());
    }

    public void Dispose() => _books.Dispose();
}
