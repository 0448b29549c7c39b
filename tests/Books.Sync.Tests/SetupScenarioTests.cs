using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Sync.Tests.Support;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;
using static BillingBooks.Books.Sync.Tests.Support.Scenario;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// SPEC 3.1, 3.2 and the refusals of 3.4: the Synchronization Setup given by flags, what it locks, and the runs
/// refused before anything is imported (a setup incomplete, cash-basis accounting, a wrong password, no connection).
/// </summary>
public class SetupScenarioTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private Uri Server => fixture.Server;

    [Fact]
    public async Task Setup_with_flags_imports_customers_invoices_and_payments_and_reconciles()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Northwind");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Design", "2", "50.00", "GST", "PST"), Line("Travel", "1", "20.00"));
        await billing.PayAsync(invoice, "50.00", March.AddDays(3), PaymentMethods.Cheque);
        using var books = new BooksCompany();

        var run = books.Sync(Server, billing);

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = run.Report;
        Assert.Equal((1, 1, 1), (report.Customers.Imported, report.Invoices.Imported, report.Payments.Imported));
        Assert.Empty(report.Conflicts);
        Assert.True(report.Reconciliation.Clean, run.ToString());
        Assert.Empty(books.Read(BooksInvariants.Problems));
        var owing = books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString());
        Assert.Equal("82.00", owing); // 100 + 12 tax + 20 - 50
        var settings = books.Books("settings", "billing-sync");
        Assert.True(settings.ExitCode == 0, settings.ToString());
        Assert.Contains(billing.Email, settings.Stdout, StringComparison.Ordinal);
        Assert.Contains("1060", settings.Stdout, StringComparison.Ordinal);
        Assert.Contains("locked", settings.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_setup_without_a_terminal_names_the_flags_to_pass()
    {
        using var books = new BooksCompany();
        var run = books.WithPassword("pw", "sync", "--server", Server.ToString());
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--email EMAIL", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--track-payments ACCOUNT", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_is_locked_after_the_first_successful_sync()
    {
        using var billing = await SignUpAsync(Server);
        using var other = await SignUpAsync(Server, "other");
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);

        var run = books.WithPassword(other.Password, "sync", "--email", other.Email);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot be changed", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(billing.Email, books.Books("settings", "billing-sync").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Track_Sales_is_the_linked_Default_Revenue_account_and_cannot_be_changed_here()
    {
        using var billing = await SignUpAsync(Server);
        using var books = new BooksCompany();

        var run = books.Sync(Server, billing, "--track-sales", "4200");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Default Revenue linked account 4020", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("linked-accounts set default-revenue 4200", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cash_basis_on_refuses_to_sync_naming_the_setting_and_changes_nothing()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Tailspin");
        await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "10.00"));
        using var books = new BooksCompany();
        books.Write(w => w.Settings.SetCashBasis(true));

        var run = books.Sync(Server, billing);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("settings set --cash-basis off", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(books.Read(r => r.Customers.List()));
    }

    [Fact]
    public async Task Wrong_password_exits_1_and_changes_nothing()
    {
        using var billing = await SignUpAsync(Server);
        using var books = new BooksCompany();
        var run = books.WithPassword("not the password", "sync", "--server", Server.ToString(), "--email", billing.Email, "--track-payments", "1060");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("refused the email and password", run.Stderr, StringComparison.Ordinal);
        Assert.Null(books.Read(r => new Storage.SyncStore(r.Connection, r.Transaction).Settings().Email));
    }

    [Fact]
    public void Cannot_connect_exits_1_and_changes_nothing()
    {
        using var books = new BooksCompany();
        using var closed = Support.FreePort.Closed();
        var port = ((System.Net.IPEndPoint)closed.LocalEndPoint!).Port;

        var run = books.WithPassword("pw", "sync", "--server", $"http://127.0.0.1:{port}/", "--email", "a@example.test", "--track-payments", "1060");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Cannot connect to Billing", run.Stderr, StringComparison.Ordinal);
        Assert.Null(books.Read(r => new Storage.SyncStore(r.Connection, r.Transaction).Settings().Email));
    }
}
