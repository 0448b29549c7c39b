using BillingBooks.Books.Sync.Tests.Support;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;
using static BillingBooks.Books.Sync.Tests.Support.Scenario;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// SPEC 3.5: a second sync imports nothing again, a dry run shows the plan and changes nothing, and the report lists
/// the counts, the conflicts with their fixes and the reconciliation.
/// </summary>
public class GuaranteeScenarioTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private Uri Server => fixture.Server;

    [Fact]
    public async Task Second_sync_imports_nothing_new_and_the_books_stay_consistent()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Contoso");
        for (var i = 0; i < 5; i++)
        {
            var invoice = await billing.InvoiceAsync(customer.Id, March.AddDays(i), Line("Work", "1", "100.00", "GST"));
            await billing.PayAsync(invoice, "105.00", March.AddDays(i + 1));
        }
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);
        var entries = books.Read(r => r.Entries.List().Count);

        var again = SyncAgainCleanly(books, billing);
        Assert.Equal((0, 0, 0), (again.Report.Customers.Imported, again.Report.Invoices.Imported, again.Report.Payments.Imported));
        Assert.Equal(entries, books.Read(r => r.Entries.List().Count));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Fact]
    public async Task Dry_run_shows_the_plan_and_changes_nothing()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Planned");
        await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "GST"));
        using var books = new BooksCompany();

        var run = books.Sync(Server, billing, "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Report.DryRun);
        Assert.Equal(1, run.Report.Invoices.Imported);
        var sale = Assert.Single(run.Report.Plan);
        Assert.Equal(10500, sale.Effects[1200]);
        Assert.Empty(books.Read(r => r.Customers.List()));
        Assert.Null(books.Read(r => new Storage.SyncStore(r.Connection, r.Transaction).Settings().Cursor));

        var table = books.WithPassword(billing.Password, "sync", "--server", Server.ToString(), "--email", billing.Email, "--track-payments", "1060", "--dry-run");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("1200 +105.00", table.Stdout, StringComparison.Ordinal); // in the home currency's decimals, not minor units
        Assert.DoesNotContain("+10500", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_report_lists_counts_conflicts_with_their_fixes_and_the_reconciliation()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Tabular");
        await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "GST"));
        var usd = await billing.AddCustomerAsync("Abroad", "USD");
        await billing.InvoiceAsync(usd.Id, March, "USD", null, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();

        var run = books.WithPassword(billing.Password, "sync", "--server", Server.ToString(), "--email", billing.Email, "--track-payments", "1060");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Synchronized with Billing.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Invoices", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 open conflict(s)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("settings set --allow-foreign-currency on", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("expected, in conflict", run.Stdout, StringComparison.Ordinal);
    }
}
