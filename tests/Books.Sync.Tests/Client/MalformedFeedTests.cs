using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Sync.Tests.Support;

namespace BillingBooks.Books.Sync.Tests.Client;

/// <summary>
/// A feed item that comes without its record (a faulty Billing, or a proxy that mangles answers) is bad input, not
/// a bug: the sync stops with exit 1 and one line saying so, before the page that holds it, so nothing of that page
/// is half-imported and the cursor stays before it; once Billing sends the item whole, the next sync completes.
/// </summary>
public class MalformedFeedTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    [Theory]
    [InlineData(ChangeKinds.Customer)]
    [InlineData(ChangeKinds.Invoice)]
    [InlineData(ChangeKinds.Payment)]
    public async Task A_feed_item_without_its_record_stops_the_sync_with_exit_1_before_its_page_and_a_later_sync_completes_once(string kind)
    {
        using var billing = await BillingAccount.SignUpAsync(fixture.Server);
        await History.InvoicesAsync(billing, 6, customers: 2);
        using var proxy = new FaultProxy(fixture.Server, faultRate: 0, seed: 1, stall: TimeSpan.Zero) { Healthy = true };
        var stripped = new MangledItem(kind, item => item[kind] = null);
        proxy.Rewrite = stripped.From;
        using var books = new BooksCompany();

        var run = books.Sync(proxy.Address, billing, "--page-size", "1");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("error: Billing's answer could not be read", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{kind} {stripped.Id} version {stripped.Version}", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"without the {kind} itself", run.Stderr, StringComparison.Ordinal);
        // Syncing again helps when the answer was damaged on the way, not when Billing keeps sending it so: say what then.
        Assert.Contains("If the same record is named again, Billing itself sends it damaged", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(books.Read(BooksInvariants.Problems));
        // The pages before it are kept; its own page is not imported, and the cursor waits before it.
        Assert.True(AfterInterruption.Imported(books) > 0, "nothing kept of the pages before the item");
        var (cursor, imported) = books.Read(r =>
        {
            var store = new Storage.SyncStore(r.Connection, r.Transaction);
            var settings = store.Settings();
            return (settings.Cursor, store.Latest(settings.Dataset!, new RecordKey(kind, stripped.Id!)));
        });
        Assert.Equal(stripped.After, cursor);
        Assert.Null(imported);

        proxy.Rewrite = null;
        AfterInterruption.AssertTheNextSyncEndsAsOneSyncWould(books, proxy.Address, billing);
    }

    [Fact]
    public async Task A_record_an_older_Books_kept_in_conflict_that_cannot_be_read_stays_in_conflict_instead_of_crashing_and_imports_at_its_next_version()
    {
        using var billing = await BillingAccount.SignUpAsync(fixture.Server);
        var customer = await billing.AddCustomerAsync("Old Timer");
        var invoice = await billing.InvoiceAsync(customer.Id, new DateOnly(2025, 3, 2), BillingAccount.Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        var first = books.Sync(fixture.Server, billing);
        Assert.True(first.ExitCode == 2, first.ToString()); // dated before the books' first day: in conflict
        // What an older Books, which kept feed items in conflict without checking them, may hold.
        books.Tamper("UPDATE sync_conflict SET payload = json_set(payload, '$.invoice.total', 'abc') WHERE kind = 'invoice'");
        Assert.Equal(0, books.Books("settings", "set", "--history-from", "2025-03-02").ExitCode); // the set-up changed: retried

        var retried = books.Sync(fixture.Server, billing);

        Assert.True(retried.ExitCode == 2, retried.ToString());
        var conflict = Assert.Single(retried.Report.Conflicts);
        Assert.Equal(new RecordKey("invoice", invoice.Id), conflict.Record);
        Assert.Contains($"the change feed's invoice {invoice.Id} version {conflict.Version} has an unreadable total 'abc': not an amount; it waits for its next version from Billing",
            conflict.Problem, StringComparison.Ordinal);
        Assert.Empty(books.Read(BooksInvariants.Problems));

        await billing.EditInvoiceAsync(invoice, BillingAccount.Line("Work", "1", "120.00"));
        Scenario.SyncAgainCleanly(books, billing);
        Assert.Equal("120.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Total.ToDecimalString()));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }
}
