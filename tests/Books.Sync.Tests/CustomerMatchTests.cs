using BillingBooks.Books.Sync.Tests.Support;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>How a Billing customer finds its Books customer: by name when Books has it unlinked, whatever the Unicode form.</summary>
public class CustomerMatchTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private static readonly DateOnly March = new(2026, 3, 2);

    private Uri Server => fixture.Server;

    [Fact]
    public async Task Billing_name_in_decomposed_Unicode_links_the_Books_customer_of_the_same_composed_name()
    {
        const string Composed = "Caf\u00e9 Ren\u00e9e";
        const string Decomposed = "Cafe\u0301 Rene\u0301e";
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync(Decomposed);
        await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Books("customers", "add", Composed).ExitCode);

        var run = books.Sync(Server, billing);

        Assert.True(run.ExitCode == 0, run.ToString());
        var only = Assert.Single(books.Read(r => r.Customers.List()));
        Assert.Equal(Composed, only.Name);
        Assert.NotNull(only.ExternalReference);
    }

    [Fact]
    public async Task Customer_in_a_foreign_currency_takes_it_once_Books_holds_that_currency()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Yankee Traders", "USD");
        var invoice = await billing.InvoiceAsync(customer.Id, March, "USD", null, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        Assert.Equal(2, books.Sync(Server, billing).ExitCode); // the invoice waits for foreign currency

        books.Write(w => w.Settings.SetAllowForeignCurrency(true));
        books.Write(w => w.ExchangeRates.AddCurrency(Money.Currency.USD));
        books.Write(w => w.ExchangeRates.SetRate(Money.Currency.USD, March, 1.35m));
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(run.ExitCode == 0 && run.Report.Invoices.Imported == 1, run.ToString());
        var imported = Assert.Single(books.Read(r => r.Customers.List()));
        Assert.Equal(Money.Currency.USD, imported.Currency);
        Assert.Equal("100.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
    }

    [Fact]
    public async Task Customer_whose_currency_changes_in_Billing_after_its_entries_keeps_its_Books_currency_and_the_sync_goes_on()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Switcher");
        await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);
        books.Write(w => w.Settings.SetAllowForeignCurrency(true));
        books.Write(w => w.ExchangeRates.AddCurrency(Money.Currency.USD));
        books.Write(w => w.ExchangeRates.SetRate(Money.Currency.USD, March, 1.35m));

        // Books refuses to change the currency of a customer with entries: the sync must not stop on it (it crashed).
        await billing.SendAsync<Billing.Contracts.CustomerResponse>(HttpMethod.Put, $"api/v1/customers/{customer.Id}", new Billing.Contracts.CustomerRequest(
            "Switcher", customer.Address, customer.Phone, customer.Fax, customer.Website, customer.Language, "USD", customer.Contacts, customer.Taxes));
        var usd = await billing.InvoiceAsync(customer.Id, March, "USD", null, Line("Work", "1", "50.00"));
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(run.ExitCode == 0 && run.Report.Invoices.Imported == 1, run.ToString());
        Assert.Equal(Money.Currency.CAD, Assert.Single(books.Read(r => r.Customers.List())).Currency);
        Assert.Equal("50.00", books.Read(r => r.Sales.FindByNumber(usd.Number)!.Owing.ToDecimalString()));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Fact]
    public async Task Name_of_a_customer_deleted_in_Billing_reused_by_a_live_one_goes_to_the_live_one()
    {
        using var billing = await SignUpAsync(Server);
        var gone = await billing.AddCustomerAsync("Gone Ltd");
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);

        await billing.DeleteCustomerAsync(gone.Id);
        var live = await billing.AddCustomerAsync("Gone Ltd");
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var customers = books.Read(r => r.Customers.List()).ToDictionary(c => c.ExternalReference!);
        Assert.Equal("Gone Ltd", customers.Single(c => c.Key.EndsWith($"/customer/{live.Id}", StringComparison.Ordinal)).Value.Name);
        Assert.Equal($"Gone Ltd (Billing {gone.Id})", customers.Single(c => c.Key.EndsWith($"/customer/{gone.Id}", StringComparison.Ordinal)).Value.Name);
    }
}
