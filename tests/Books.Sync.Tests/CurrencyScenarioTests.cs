using BillingBooks.Books.Sync.Tests.Support;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;
using static BillingBooks.Books.Sync.Tests.Support.Scenario;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// SPEC 3.4 foreign currency: an invoice in another currency waits for foreign currency to be allowed, the currency
/// added and a rate on or before its date, each named by the one fix.
/// </summary>
public class CurrencyScenarioTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private Uri Server => fixture.Server;

    [Fact]
    public async Task Foreign_invoice_waits_for_foreign_currency_then_its_rate_then_imports()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Yankee Corp", "USD");
        var invoice = await billing.InvoiceAsync(customer.Id, March, "USD", null, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();

        var off = books.Sync(Server, billing);
        Assert.True(off.ExitCode == 2, off.ToString());
        Assert.Contains("settings set --allow-foreign-currency on", Assert.Single(off.Report.Conflicts).Message, StringComparison.Ordinal);

        books.Write(w => w.Settings.SetAllowForeignCurrency(true));
        books.Write(w => w.ExchangeRates.AddCurrency(Money.Currency.USD));
        var noRate = books.WithPassword(billing.Password, "sync", "--format", "json");
        Assert.Equal(2, noRate.ExitCode);
        Assert.Contains("rates set USD 2026-03-02 RATE", Assert.Single(noRate.Report.Conflicts).Message, StringComparison.Ordinal);

        books.Write(w => w.ExchangeRates.SetRate(Money.Currency.USD, March, 1.35m));
        var done = SyncAgainCleanly(books, billing);
        Assert.Equal(1, done.Report.Invoices.Imported);
        Assert.Equal("135.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.HomeTotal.ToDecimalString()));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Fact]
    public async Task Foreign_invoice_with_an_earlier_rate_on_file_needs_no_rate_of_its_own_day_only_foreign_currency_on()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Earlier Rate", "USD");
        await billing.InvoiceAsync(customer.Id, March.AddDays(5), "USD", null, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        books.Write(w => w.Settings.SetAllowForeignCurrency(true));
        books.Write(w => w.ExchangeRates.AddCurrency(Money.Currency.USD));
        books.Write(w => w.ExchangeRates.SetRate(Money.Currency.USD, March, 1.35m));
        books.Write(w => w.Settings.SetAllowForeignCurrency(false));

        var run = books.Sync(Server, billing);

        Assert.True(run.ExitCode == 2, run.ToString());
        var conflict = Assert.Single(run.Report.Conflicts);
        Assert.Equal($"books --file {books.Path} settings set --allow-foreign-currency on", conflict.Fix); // Books takes the rate of 2026-03-02, the latest on or before
    }
}
