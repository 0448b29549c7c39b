using System.Text.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Sync.Client;

namespace BillingBooks.Books.Sync;

/// <summary>
/// A feed item, and its JSON as stored with what it imports or with its conflict. The JSON is made once: for a
/// page, while the page before it is being posted (on the other core); for a retried conflict, it is the stored text.
/// </summary>
internal sealed class FeedItem(Change change, string? json = null)
{
    private string? _json = json;

    public Change Change { get; } = change;

    public string Json => _json ??= JsonSerializer.Serialize(Change, SyncClient.Json);

    /// <summary>Items whose JSON is made now, by the caller's thread.</summary>
    public static FeedItem[] Serialized(IReadOnlyList<Change> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var items = new FeedItem[changes.Count];
        for (var i = 0; i < items.Length; i++) items[i] = new FeedItem(changes[i], JsonSerializer.Serialize(changes[i], SyncClient.Json));
        return items;
    }

    public static FeedItem[] Of(IEnumerable<Change> changes) => changes.Select(c => new FeedItem(c)).ToArray();
}
