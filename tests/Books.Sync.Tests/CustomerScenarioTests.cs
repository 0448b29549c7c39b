using BillingBooks.Books.Sync.Tests.Support;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;
using static BillingBooks.Books.Sync.Tests.Support.Scenario;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// SPEC 3.3 customers (and the Unicode rule of 3.4): Billing stays their source of truth, one deleted in Billing stays
/// in Books marked so, and any name imports without conflict.
/// </summary>
public class CustomerScenarioTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private Uri Server => fixture.Server;

    [Fact]
    public async Task Invoice_seen_before_its_renamed_customer_is_imported_in_the_same_run()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Old name");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "GST"));
        await billing.PayAsync(invoice, "20.00", March.AddDays(1));
        await billing.RenameCustomerAsync(customer, "New name"); // the customer moves after its invoice in the feed
        using var books = new BooksCompany();

        var run = books.Sync(Server, billing);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((1, 1), (run.Report.Invoices.Imported, run.Report.Payments.Imported));
        Assert.True(run.Report.Reconciliation.Clean && run.Report.Reconciliation.Differences.Count == 0, run.ToString());
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Fact]
    public async Task Unicode_names_import_without_conflict()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Café Zoë 東京 🚀");
        await billing.InvoiceAsync(customer.Id, March, Line("Crème brûlée ×2", "2", "5.00"));
        using var books = new BooksCompany();

        var run = books.Sync(Server, billing);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Café Zoë 東京 🚀", books.Read(r => r.Customers.List().Single().Name));
    }

    [Fact]
    public async Task Customer_deleted_in_Billing_stays_in_Books_marked_deleted()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Gone Ltd");
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);

        await billing.DeleteCustomerAsync(customer.Id);
        Assert.Equal(0, books.WithPassword(billing.Password, "sync").ExitCode);
        Assert.Equal(0, books.WithPassword(billing.Password, "sync").ExitCode);

        var kept = books.Read(r => r.Customers.List().Single());
        Assert.Equal("Gone Ltd", kept.Name);
        Assert.True(kept.DeletedInBilling);
    }
}
