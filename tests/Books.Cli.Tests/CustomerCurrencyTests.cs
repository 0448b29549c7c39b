using BillingBooks.Books.Cli.Tests.Support;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>A US customer's balance in USD beside the home amount, in `report statement` and `customers list`.</summary>
public sealed class CustomerCurrencyTests : IDisposable
{
    private readonly BooksRunner _books = new();

    public CustomerCurrencyTests()
    {
        Walkthrough.SetUp(_books);
        _books.Ok("sales", "post", "--customer", "Yankee Corp", "--number", "1006", "--date", "2026-03-29", "--line", "Audit;500.00;none");
    }

    [Fact]
    public void The_statement_runs_a_foreign_customers_balance_in_its_own_currency_in_every_format()
    {
        var csv = _books.Ok("report", "statement", "--customer", "Yankee Corp", "--format", "csv").Stdout.Split("\r\n");
        Assert.Equal("Date,Entry,Kind,Reference,Document,Amount,Balance,Own currency", csv[0]);
        Assert.Equal("2026-01-01,,,Opening balance,,,0.00,0.00 USD", csv[1]);
        Assert.Equal("2026-03-29,10,sale,Invoice 1006 to Yankee Corp,500.00 USD,675.00,675.00,500.00 USD", csv[4]);
        Assert.Equal("2026-03-31,,,Closing balance,,,675.00,500.00 USD", csv[5]);

        var json = _books.Ok("report", "statement", "--customer", "Yankee Corp", "--format", "json").Stdout;
        Assert.Contains("\"customerCurrency\":\"USD\"", json, StringComparison.Ordinal);
        Assert.Contains("\"closing\":\"675.00\",\"closingInCustomerCurrency\":\"500.00\"", json, StringComparison.Ordinal);

        var closing = _books.Ok("report", "statement", "--customer", "Yankee Corp").Stdout.Split('\n').Single(l => l.Contains("Closing balance", StringComparison.Ordinal));
        Assert.Matches(" 675\\.00 +500\\.00 USD$", closing);
    }

    [Fact]
    public void Customers_list_shows_each_balance_in_the_customers_own_currency_too()
    {
        var csv = _books.Ok("customers", "list", "--format", "csv").Stdout.Split("\r\n");
        Assert.Equal("Name,Currency,Tax code,Terms,Balance,Own currency,Active,Billing", csv[0]);
        Assert.Equal("Yankee Corp,USD,,15,675.00,500.00 USD,yes,", csv[3]);
        Assert.Equal("Maple Design,CAD,GP,30,560.00,560.00 CAD,yes,", csv[2]);
        Assert.Contains("\"balance\":\"675.00\",\"balanceInCustomerCurrency\":\"500.00\"", _books.Ok("customers", "list", "--format", "json").Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _books.Dispose();
}
