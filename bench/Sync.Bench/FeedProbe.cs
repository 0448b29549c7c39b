using System.Diagnostics;
using BillingBooks.Books.Sync.Client;

namespace BillingBooks.Sync.Bench;

/// <summary>How long reading the whole feed takes on its own (Billing's share of a sync).</summary>
internal static class FeedProbe
{
    public static async Task<TimeSpan> ReadAllAsync(Uri server, string email, string password, int pageSize)
    {
        using var client = SyncClient.Create(new BillingCredentials(server, email, password, null), new SyncClientOptions());
        var clock = Stopwatch.StartNew();
        var dataset = (await client.ResolveDatasetAsync(CancellationToken.None)).Value!;
        string? after = null;
        var items = 0;
        while (true)
        {
            var page = (await client.ChangesAsync(dataset.Id, after, pageSize, CancellationToken.None)).Value!;
            items += page.Items.Count;
            after = page.Next;
            if (!page.HasMore) break;
        }
        Console.WriteLine($"feed alone: {items:N0} items in {clock.Elapsed.TotalSeconds:F1} s");
        return clock.Elapsed;
    }
}
