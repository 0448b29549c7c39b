using BillingBooks.Books.Sync.Tests.Support;
using BillingBooks.Billing.Contracts;
using Dapper;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// SPEC 3.5 when something goes wrong behind the sync's back: the end-of-run reconciliation compares running
/// totals and only the customers that may differ, and must still find every difference and name it.
/// </summary>
public class ReconciliationTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private static readonly DateOnly March = new(2026, 3, 2);

    private Uri Server => fixture.Server;

    [Fact]
    public async Task An_invoice_changed_in_Books_behind_the_syncs_back_is_reported_at_every_sync_until_it_agrees()
    {
        using var billing = await SignUpAsync(Server);
        var northwind = await billing.AddCustomerAsync("Northwind");
        var contoso = await billing.AddCustomerAsync("Contoso");
        var invoice = await billing.InvoiceAsync(northwind.Id, March, Line("Work", "1", "100.00", "GST"));
        await billing.InvoiceAsync(contoso.Id, March, Line("Work", "1", "200.00", "GST"));
        using var books = new BooksCompany();
        var first = books.Sync(Server, billing);
        Assert.True(first.ExitCode == 0 && first.Report.Reconciliation.Clean, first.ToString());

        // Someone edits the file directly: Northwind's invoice owes 40.00 less, its GST is 1.00 more.
        books.Tamper($"UPDATE invoice SET owing = owing - 4000 WHERE number = '{invoice.Number}' AND reversed = 0");
        books.Tamper($"UPDATE invoice_tax SET amount = amount + 100 WHERE entry_id = (SELECT entry_id FROM invoice WHERE number = '{invoice.Number}' AND reversed = 0)");
        var second = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.False(second.Report.Reconciliation.Clean, second.ToString());
        var differences = second.Report.Reconciliation.Differences.ToDictionary(d => d.What);
        Assert.Equal(("65.00", "105.00", false), (differences["owing by customer Northwind (CAD)"].Books, differences["owing by customer Northwind (CAD)"].Billing, differences["owing by customer Northwind (CAD)"].Expected));
        Assert.Equal(("275.00", "315.00"), (differences["total owing in CAD"].Books, differences["total owing in CAD"].Billing));
        Assert.Equal(("16.00", "15.00"), (differences["GST charged in CAD"].Books, differences["GST charged in CAD"].Billing));
        Assert.DoesNotContain(differences.Keys, k => k.Contains("Contoso", StringComparison.Ordinal));

        // A later sync that imports a change of another customer still reports it.
        await billing.InvoiceAsync(contoso.Id, March, Line("More", "1", "10.00"));
        var third = books.WithPassword(billing.Password, "sync", "--format", "json");
        Assert.Equal(1, third.Report.Invoices.Imported);
        Assert.Contains(third.Report.Reconciliation.Differences, d => d.What == "owing by customer Northwind (CAD)" && !d.Expected);

        // Put right: the next sync agrees again.
        books.Tamper($"UPDATE invoice SET owing = owing + 4000 WHERE number = '{invoice.Number}' AND reversed = 0");
        books.Tamper($"UPDATE invoice_tax SET amount = amount - 100 WHERE entry_id = (SELECT entry_id FROM invoice WHERE number = '{invoice.Number}' AND reversed = 0)");
        var fourth = books.WithPassword(billing.Password, "sync", "--format", "json");
        Assert.True(fourth.Report.Reconciliation.Clean && fourth.Report.Reconciliation.Differences.Count == 0, fourth.ToString());
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Fact]
    public async Task Totals_that_differ_beyond_the_customers_compared_lead_to_comparing_every_customer()
    {
        using var billing = await SignUpAsync(Server);
        var northwind = await billing.AddCustomerAsync("Northwind");
        var contoso = await billing.AddCustomerAsync("Contoso");
        var invoice = await billing.InvoiceAsync(northwind.Id, March, Line("Work", "1", "100.00"));
        await billing.InvoiceAsync(contoso.Id, March, Line("Work", "1", "200.00"));
        using var books = new BooksCompany();
        Assert.True(books.Sync(Server, billing).Report.Reconciliation.Clean);

        // A change the running totals saw, but whose customer is no longer marked for comparison.
        books.Tamper($"UPDATE invoice SET owing = owing - 4000 WHERE number = '{invoice.Number}' AND reversed = 0");
        books.Tamper("UPDATE sync_customer_total SET changed = 0");
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");

        var northwindOwing = Assert.Single(run.Report.Reconciliation.Differences, d => d.What == "owing by customer Northwind (CAD)");
        Assert.Equal(("60.00", "100.00", false), (northwindOwing.Books, northwindOwing.Billing, northwindOwing.Expected));
        Assert.Contains(run.Report.Reconciliation.Differences, d => d.What == "total owing in CAD");
    }

    [Fact]
    public async Task A_company_file_synced_before_the_running_totals_gets_them_at_upgrade_and_reconciles()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Fabrikam");
        var usd = await billing.AddCustomerAsync("Abroad", "USD");
        for (var i = 0; i < 3; i++)
        {
            var invoice = await billing.InvoiceAsync(customer.Id, March.AddDays(i), Line("Work", "1", "100.00", "GST", "PST"));
            await billing.PayAsync(invoice, "50.00", March.AddDays(i + 1));
        }
        await billing.InvoiceAsync(usd.Id, March, "USD", null, Line("Work", "1", "100.00")); // a conflict: no USD in Books
        using var books = new BooksCompany();
        Assert.Equal(2, books.Sync(Server, billing).ExitCode);

        // Make it a file of the schema 0100 with those imports: everything 0101 and later add is gone.
        var triggers = books.Read(r => r.Connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'sync_total_%' OR name LIKE 'sync_waiting_%' OR name LIKE 'sync_conflict_%')", transaction: r.Transaction).ToList());
        books.ToSchemaBefore0102();
        foreach (var trigger in triggers)
            books.Tamper($"DROP TRIGGER IF EXISTS {trigger}");
        books.Tamper("""
            DROP TABLE sync_customer_total; DROP TABLE sync_currency_total; DROP TABLE sync_tax_total; DROP TABLE sync_difference;
            DROP INDEX sync_conflict_customer; DROP INDEX sync_conflict_currency; DROP INDEX sync_conflict_ready;
            ALTER TABLE sync_settings DROP COLUMN reconciled_through; ALTER TABLE sync_conflict DROP COLUMN ready;
            ALTER TABLE sync_settings DROP COLUMN conflict_count;
            """);
        books.Tamper("DELETE FROM schema_migration WHERE number > 100; PRAGMA user_version = 100");
        await billing.InvoiceAsync(customer.Id, March.AddDays(5), Line("Work", "1", "10.00"));

        var upgraded = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.Equal(Books.Storage.CompanyFile.CurrentSchemaVersion, books.Read(r => r.Connection.ExecuteScalar<long>("PRAGMA user_version", transaction: r.Transaction)));
        Assert.Equal(1, upgraded.Report.Invoices.Imported);
        Assert.True(upgraded.Report.Reconciliation.Compared && !upgraded.Report.Reconciliation.HasUnexpectedDifferences, upgraded.ToString());
        Assert.Equal(1, upgraded.Report.ConflictCount);
        Assert.All(upgraded.Report.Reconciliation.Differences, d => Assert.True(d.Expected && d.What.Contains("USD", StringComparison.Ordinal), upgraded.ToString()));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Fact]
    public async Task An_invoice_whose_new_version_in_conflict_moves_it_to_another_customer_explains_both_customers_differences()
    {
        using var billing = await SignUpAsync(Server);
        var first = await billing.AddCustomerAsync("First Owner");
        var second = await billing.AddCustomerAsync("Second Owner");
        var invoice = await billing.InvoiceAsync(first.Id, March, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);

        // The new version belongs to the second customer and is dated before the books' first day: it waits in conflict.
        await EditAsync(billing, invoice, second.Id, new DateOnly(2025, 3, 2), invoice.Currency);
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(run.ExitCode == 2 && run.Report.ConflictCount == 1, run.ToString());
        var differences = run.Report.Reconciliation.Differences;
        Assert.Contains(differences, d => d.What == "invoiced to customer First Owner (CAD)");
        Assert.Contains(differences, d => d.What == "invoiced to customer Second Owner (CAD)");
        Assert.All(differences, d => Assert.True(d.Expected && d.Records.Contains($"Invoice {invoice.Number}"), run.ToString()));
    }

    [Fact]
    public async Task An_invoice_whose_new_version_in_conflict_changes_its_currency_explains_the_old_currencys_totals()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Switcher");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);

        // The new version is in USD, which the books do not take yet: it waits in conflict, the CAD version stays.
        await EditAsync(billing, invoice, customer.Id, invoice.Date, "USD");
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(run.ExitCode == 2 && run.Report.ConflictCount == 1, run.ToString());
        var differences = run.Report.Reconciliation.Differences;
        Assert.Contains(differences, d => d.What == "total invoiced in CAD");
        Assert.Contains(differences, d => d.What == "total invoiced in USD");
        Assert.All(differences, d => Assert.True(d.Expected && d.Records.Contains($"Invoice {invoice.Number}"), run.ToString()));
    }

    private static Task<InvoiceResponse> EditAsync(BillingAccount billing, InvoiceResponse invoice, string customerId, DateOnly date, string currency) =>
        billing.SendAsync<InvoiceResponse>(HttpMethod.Put, $"api/v1/invoices/{invoice.Id}", new InvoiceRequest(customerId, invoice.Number, date, invoice.DueDate,
            invoice.Reference, invoice.Description, currency, invoice.DiscountRule, invoice.Comments, invoice.ContactEmail, [Line("Work", "1", "100.00")]));
}
