using System.Collections.Concurrent;
using BillingBooks.Billing.Storage;

namespace BillingBooks.Billing.Accounts;

/// <summary>
/// Valid tokens seen recently, so most requests skip the token query. Revoking (sign-out, password change)
/// forgets the account's entries in the same process before it answers, so a revoked token never works again;
/// an entry is trusted for <see cref="Freshness"/> at most and never past the token's expiry.
/// </summary>
public sealed class TokenCache(TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public sealed record Entry(long TokenId, AccountId Account, string Email, DateTimeOffset Expires, DateTimeOffset CachedAt);

    public Entry? Find(string tokenHash)
    {
        if (!_entries.TryGetValue(tokenHash, out var entry))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (now >= entry.Expires || now - entry.CachedAt > Freshness)
        {
            _entries.TryRemove(tokenHash, out _);
            return null;
        }

        return entry;
    }

    public void Remember(string tokenHash, long tokenId, AccountId account, string email, DateTimeOffset expires)
    {
        if (_entries.Count > 100_000)
        {
            _entries.Clear();
        }

        _entries[tokenHash] = new Entry(tokenId, account, email, expires, clock.GetUtcNow());
    }

    public void Forget(AccountId account)
    {
        foreach (var (hash, entry) in _entries)
        {
            if (entry.Account == account)
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }
}
