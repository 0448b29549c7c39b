using BillingBooks.Books.Cli.Tests.Support;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>`report sales-journal` and `report receipts-journal` as of their period's end.</summary>
public sealed class JournalReportTests : IDisposable
{
    private readonly BooksRunner _books = new();

    [Fact]
    public void A_reversal_shows_in_the_journal_of_its_own_period_as_a_negative_row()
    {
        _books.Ok("new", _books.PathOf("t.books"), "--name", "T", "--fiscal-start", "2026-01-01");
        _books.Environment["BOOKS_FILE"] = _books.PathOf("t.books");
        _books.Ok("customers", "add", "A");
        _books.Ok("sales", "post", "--customer", "A", "--number", "1", "--date", "2026-03-01", "--line", "x;100.00;none");
        _books.Ok("sales", "post", "--customer", "A", "--number", "2", "--date", "2026-03-02", "--line", "x;200.00;none");
        _books.Ok("sales", "reverse", "2", "--date", "2026-04-15");

        Assert.Equal(
            "Entry,Date,Invoice,Customer,Currency,Subtotal,Tax,Total,Home,Status\r\n1,2026-03-01,1,A,CAD,100.00,0.00,100.00,100.00,\r\n2,2026-03-02,2,A,CAD,200.00,0.00,200.00,200.00,\r\n,,,Total,CAD,,,,300.00,\r\n",
            _books.Ok("report", "sales-journal", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "csv").Stdout);
        Assert.Equal(
            "Entry,Date,Invoice,Customer,Currency,Subtotal,Tax,Total,Home,Status\r\n3,2026-04-15,2,A,CAD,-200.00,0.00,-200.00,-200.00,reversal of 2\r\n,,,Total,CAD,,,,-200.00,\r\n",
            _books.Ok("report", "sales-journal", "--from", "2026-04-01", "--to", "2026-04-30", "--format", "csv").Stdout);
        Assert.Contains("\"reversed\":true,\"reverses\":null", _books.Ok("report", "sales-journal", "--from", "2026-03-01", "--to", "2026-04-30", "--format", "json").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reversed_card_receipt_names_its_card_on_the_reversal_row()
    {
        _books.Ok("new", _books.PathOf("t.books"), "--name", "T", "--fiscal-start", "2026-01-01");
        _books.Environment["BOOKS_FILE"] = _books.PathOf("t.books");
        _books.Ok("customers", "add", "A");
        _books.Ok("credit-cards", "add", "Visa", "--fee", "2.5", "--fee-account", "5030", "--deposit-account", "1065");
        _books.Ok("sales", "post", "--customer", "A", "--number", "1", "--date", "2026-04-01", "--line", "x;100.00;none");
        _books.Ok("receipts", "post", "--customer", "A", "--allocate", "1=100.00", "--method", "card", "Visa", "--date", "2026-04-10");
        _books.Ok("receipts", "reverse", "2", "--date", "2026-04-12");

        Assert.Equal(
            "Entry,Date,Customer,Method,Reference,Amount,Fee,Home,Invoices,Status\r\n3,2026-04-12,A,card Visa,,-100.00 CAD,-2.50,-100.00,1,reversal of 2\r\n,,Total,,,,,-100.00,,\r\n",
            _books.Ok("report", "receipts-journal", "--from", "2026-04-11", "--to", "2026-04-30", "--format", "csv").Stdout);
    }

    public void Dispose() => _books.Dispose();
}
