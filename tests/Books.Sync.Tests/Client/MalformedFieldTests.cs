using BillingBooks.Books.Sync.Tests.Support;

namespace BillingBooks.Books.Sync.Tests.Client;

/// <summary>
/// A feed item with a field the sync cannot read - missing or null where the feed promises a value, a null in a list,
/// an amount that is not one in the item's currency, a rate that is not a number, an unknown currency, an impossible
/// date - is bad input, not a bug: like an item without its record (<see cref="MalformedFeedTests"/>), the sync stops
/// with exit 1 and one line naming the item and the field, before the page that holds it; nothing of that page is
/// imported and the cursor stays before it, so once Billing sends the item whole the next sync imports it.
/// </summary>
public class MalformedFieldTests(FeedHistoryFixture history) : IClassFixture<FeedHistoryFixture>
{
    /// <param name="path">The field, from the feed item ("invoice.lines[0].discountedAmount").</param>
    /// <param name="json">What it becomes; null takes the field out of the item.</param>
    /// <param name="says">What the message says of it, after naming the item.</param>
    [Theory]
    [InlineData("customer", "customer.name", "null", "came without its name")]
    [InlineData("customer", "customer.name", null, "came without its name")]
    [InlineData("customer", "customer.name", "\"  \"", "came without its name")]
    [InlineData("customer", "customer.address", "null", "came without its address")]
    [InlineData("customer", "customer.contacts", "null", "came without its contacts")]
    [InlineData("customer", "customer.contacts[0]", "null", "came without its contacts[0]")]
    [InlineData("customer", "customer.currency", "\"ZZZ\"", "has an unreadable currency 'ZZZ': not an ISO 4217 currency code")]
    [InlineData("invoice", "invoice.total", "\"abc\"", "has an unreadable total 'abc': not an amount")]
    [InlineData("invoice", "invoice.total", "\"99999999999999.00\"", "has an unreadable total '99999999999999.00': beyond 10000000000.00 CAD")]
    [InlineData("invoice", "invoice.lines[0].discountedAmount", "\"100.001\"", "has an unreadable lines[0].discountedAmount '100.001': CAD amounts have at most 2 decimals")]
    [InlineData("invoice", "invoice.taxes[0].rate", "\"five\"", "has an unreadable taxes[0].rate 'five': not a rate")]
    [InlineData("invoice", "invoice.taxes[0].amount", "\"1,50\"", "has an unreadable taxes[0].amount '1,50': not an amount")]
    [InlineData("invoice", "invoice.lines", "null", "came without its lines")]
    [InlineData("invoice", "invoice.lines", null, "came without its lines")]
    [InlineData("invoice", "invoice.lines[0]", "null", "came without its lines[0]")]
    [InlineData("invoice", "invoice.lines[0].taxes[0]", "null", "came without its lines[0].taxes[0]")]
    [InlineData("invoice", "invoice.taxes", "null", "came without its taxes")]
    [InlineData("invoice", "invoice.taxes[0].name", "null", "came without its taxes[0].name")]
    [InlineData("invoice", "invoice.currency", "\"XYZ\"", "has an unreadable currency 'XYZ': not an ISO 4217 currency code")]
    [InlineData("invoice", "invoice.date", "\"2026-02-30\"", "has an unreadable date '2026-02-30'")]
    [InlineData("invoice", "invoice.customerId", "null", "came without its customerId")]
    [InlineData("invoice", "invoice.status", "null", "came without its status")]
    [InlineData("invoice", "cursor", "null", "came without its cursor")]
    [InlineData("invoice", "deleted", null, "came without its deleted")]
    [InlineData("invoice", "version", "0", "has an unreadable version 0: versions start at 1")]
    [InlineData("payment", "payment.amount", "\"12,50\"", "has an unreadable amount '12,50': not an amount")]
    [InlineData("payment", "payment.amount", "12.5", "has an unreadable amount 12.5")]
    [InlineData("payment", "payment.applications", "null", "came without its applications")]
    [InlineData("payment", "payment.applications[0]", "null", "came without its applications[0]")]
    [InlineData("payment", "payment.applications[0].amount", "\"1e3\"", "has an unreadable applications[0].amount '1e3': not an amount")]
    [InlineData("payment", "payment.applications[0].invoiceId", "null", "came without its applications[0].invoiceId")]
    [InlineData("payment", "payment.method", "null", "came without its method")]
    [InlineData("payment", "payment.currency", "null", "came without its currency")]
    [InlineData("payment", "payment.date", null, "came without its date")]
    public void A_feed_item_with_a_field_the_sync_cannot_read_stops_the_sync_with_exit_1_naming_the_item_and_the_field_before_its_page(
        string kind, string path, string? json, string says)
    {
        using var proxy = new FaultProxy(history.Server, faultRate: 0, seed: 1, stall: TimeSpan.Zero) { Healthy = true };
        var mangled = new MangledItem(kind, MangledItem.Set(path, json));
        proxy.Rewrite = mangled.From;
        using var books = new BooksCompany();

        var run = books.Sync(proxy.Address, history.Account, "--page-size", "1");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("error: Billing's answer could not be read", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"the change feed's {kind} {mangled.Id} version ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(says, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(books.Read(BooksInvariants.Problems));
        // The pages before it are kept; its own page is not imported, and the cursor waits before it.
        Assert.True(AfterInterruption.Imported(books) > 0, "nothing kept of the pages before the item");
        var (cursor, imported) = books.Read(r =>
        {
            var store = new Storage.SyncStore(r.Connection, r.Transaction);
            var settings = store.Settings();
            return (settings.Cursor, store.Latest(settings.Dataset!, new RecordKey(kind, mangled.Id!)));
        });
        Assert.Equal(mangled.After, cursor);
        Assert.Null(imported);

        proxy.Rewrite = null;
        var next = books.Sync(proxy.Address, history.Account);
        Assert.True(next.ExitCode == 0 && next.Report.Reconciliation.Clean, next.ToString());
        Assert.Empty(books.Read(BooksInvariants.Problems));
        Assert.Equal(history.OneSync, books.Read(Fingerprint.Of));
    }
}
