using BillingBooks.Books.Storage;
using BillingBooks.Books.Sync.Client;
using BillingBooks.Books.Sync.Storage;
using BillingBooks.Books.Sync.Tests.Support;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// Billing changing while a sync runs: the reconciliation finds Billing ahead of what was imported and fetches the
/// rest first. The run is made in-process here, so that the change can come exactly after the last page.
/// </summary>
public class CatchUpTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private static readonly DateOnly March = new(2026, 3, 2);

    [Fact]
    public async Task A_payment_that_waited_for_an_invoice_changed_during_the_sync_imports_in_that_same_sync()
    {
        using var billing = await SignUpAsync(fixture.Server);
        var customer = await billing.AddCustomerAsync("Late Changes");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(fixture.Server, billing).ExitCode);

        using var company = CompanyFile.Open(books.Path).Value;
        var settings = company.Read(r => new SyncStore(r.Connection, r.Transaction).Settings());
        using var client = SyncClient.Create(new BillingCredentials(fixture.Server, billing.Email, billing.Password, null), new SyncClientOptions());
        // After the last page: a payment dated before its invoice (it waits for the invoice; Billing refuses such a
        // payment now, so it is back-dated in Billing's database, as accounts from before the rule may hold), then the
        // invoice re-dated.
        var run = new SyncRun(company, client, settings, TimeProvider.System)
        {
            Progress = new AfterLastPage(() =>
            {
                BillingAccount.BackdateInDatabase(fixture.Billing, billing.PayAsync(invoice, "100.00", March).GetAwaiter().GetResult(), March.AddDays(-3));
                _ = billing.RedateInvoiceAsync(invoice, March.AddDays(-3), Line("Work", "1", "100.00")).GetAwaiter().GetResult();
            }),
        };

        var report = await run.RunAsync(CancellationToken.None);

        Assert.True(report.Succeeded, report.Error?.Message);
        Assert.Equal((1, 1, 0), (report.Value.Invoices.Adjusted, report.Value.Payments.Imported, report.Value.ConflictCount));
        Assert.True(report.Value.Reconciliation.Clean, string.Join("; ", report.Value.Reconciliation.Differences.Select(d => d.What)));
    }

    /// <summary>Runs <paramref name="change"/> once, when the run reports its last page (on the run's own thread, off any context).</summary>
    private sealed class AfterLastPage(Action change) : IProgress<SyncProgress>
    {
        private bool _done;

        public void Report(SyncProgress value)
        {
            if (value.HasMore || _done) return;
            _done = true;
            Task.Run(change).GetAwaiter().GetResult();
        }
    }
}
