using System.Text.Json.Nodes;
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
        var stripped = new Stripped(kind);
        proxy.Rewrite = stripped.From;
        using var books = new BooksCompany();

        var run = books.Sync(proxy.Address, billing, "--page-size", "1");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("error: Billing's answer could not be read", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{kind} {stripped.Id} version {stripped.Version}", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"without the {kind} itself", run.Stderr, StringComparison.Ordinal);
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

    /// <summary>Takes the record out of the first feed item of a kind found on a page after the first.</summary>
    private sealed class Stripped(string kind)
    {
        public string? Id { get; private set; }

        public int Version { get; private set; }

        /// <summary>The cursor the page holding the stripped item was asked after.</summary>
        public string? After { get; private set; }

        public byte[] From(string pathAndQuery, byte[] body)
        {
            var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://billing/"), pathAndQuery).Query);
            if (!pathAndQuery.Contains("/changes", StringComparison.Ordinal) || query["after"] is not { } after) return body;
            var page = JsonNode.Parse(body)!;
            foreach (var item in page["items"]!.AsArray())
            {
                if ((string?)item!["kind"] != kind || (Id is not null && (string?)item["id"] != Id)) continue;
                Id = (string)item["id"]!;
                Version = (int)item["version"]!;
                After = after;
                item[kind] = null;
                return System.Text.Encoding.UTF8.GetBytes(page.ToJsonString());
            }
            return body;
        }
    }
}
