using BillingBooks.Books.Cli.Tests.Support;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>`books taxes edit`: a tax's account, and whether other taxes are charged on it, can change after it is added.</summary>
public sealed class TaxEditTests : IDisposable
{
    private readonly BooksRunner _books = new();

    [Fact]
    public void A_tax_made_taxable_by_others_has_the_codes_other_taxes_charged_on_it_from_then_on()
    {
        _books.Ok("new", _books.PathOf("pe.books"), "--name", "Island Ltd", "--fiscal-start", "2026-01-01");
        _books.Environment["BOOKS_FILE"] = _books.PathOf("pe.books");
        _books.Ok("taxes", "add", "PST-PE", "--account", "2340");
        _books.Ok("tax-codes", "add", "GP10", "--tax", "GST:5", "--tax", "PST-PE:10");
        _books.Ok("customers", "add", "Harbour Cafe");
        var before = _books.Ok("sales", "post", "--customer", "Harbour Cafe", "--number", "1", "--date", "2026-03-02", "--line", "Work;100.00;GP10");
        Assert.Contains("tax 15.00", before.Stdout, StringComparison.Ordinal);

        var edited = _books.Ok("taxes", "edit", "GST", "--taxable-by-others", "on");

        Assert.Equal("Tax GST: tracked in 2310, taxable by other taxes.\n", edited.Stdout);
        var after = _books.Ok("sales", "post", "--customer", "Harbour Cafe", "--number", "2", "--date", "2026-03-02", "--line", "Work;100.00;GP10");
        Assert.Contains("tax 15.50", after.Stdout, StringComparison.Ordinal); // PST 10% of 105.00
        Assert.Contains("Total CAD                       115.00", _books.Ok("sales", "show", "1").Stdout, StringComparison.Ordinal); // posted entries keep their amounts
        _books.Ok("check");

        // PST-PE taxable too would make GST and PST-PE each charged on the other in GP10: refused, and so is such a code.
        var cycle = _books.Refused("taxes", "edit", "PST-PE", "--taxable-by-others", "on");
        Assert.Contains("code 'GP10' would hold PST-PE and GST, each taxable by other taxes", cycle.Stderr, StringComparison.Ordinal);
        _books.Ok("taxes", "add", "LEVY", "--account", "2340", "--taxable-by-others");
        Assert.Contains("each taxable by other taxes", _books.Refused("tax-codes", "add", "GL", "--tax", "GST:5", "--tax", "LEVY:1").Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_an_unknown_tax_or_to_an_account_that_is_not_a_liability_is_refused_and_changes_nothing()
    {
        _books.Ok("new", _books.PathOf("x.books"), "--name", "X Ltd", "--fiscal-start", "2026-01-01");
        _books.Environment["BOOKS_FILE"] = _books.PathOf("x.books");
        var before = _books.Ok("taxes", "list").Stdout;

        _books.Refused("taxes", "edit", "VAT", "--account", "2310");
        _books.Refused("taxes", "edit", "GST", "--account", "4020");
        _books.Refused("taxes", "edit", "GST", "--taxable-by-others", "maybe");

        Assert.Equal(before, _books.Ok("taxes", "list").Stdout);
    }

    public void Dispose() => _books.Dispose();
}
