using System.Collections.Concurrent;
using BillingBooks.Billing.Storage;

namespace BillingBooks.Billing.Accounts;

/// <summary>
/// Valid tokens seen recently, so most requests skip the token query. Revoking (sign-out, password change)
/// forgets the account's entries in the same process before it answers, so a revoked token never works again;
/// an entry is trusted for <see cref="Freshness"/> at most and never past the token's expiry. A request that
/// read its token before a revocation must not put it back afterwards: it remembers the token only if no
/// revocation happened since its query began (<see cref="Revocations"/>). Another process's revocations are
/// seen within <see cref="Freshness"/>. Freshness is process time (timestamps: a --test-clock that holds still must not
/// keep an entry fresh); expiry is business time (the clock's reading).
/// </summary>
public sealed class TokenCache(TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private long _revocations;

    /// <summary>Read before querying a token, and given back to <see cref="Remember"/>.</summary>
    public long Revocations => Interlocked.Read(ref _revocations);

    public sealed record Entry(long TokenId, AccountId Account, string Email, DateTimeOffset Expires, long CachedAt);

    public Entry? Find(string tokenHash)
    {
        if (!_entries.TryGetValue(tokenHash, out var entry))
        {
            return null;
        }

        if (clock.GetUtcNow() >= entry.Expires || clock.GetElapsedTime(entry.CachedAt) > Freshness)
        {
            _entries.TryRemove(tokenHash, out _);
            return null;
        }

        return entry;
    }

    /// <param name="revocationsBeforeQuery"><see cref="Revocations"/> as read before the token query.</param>
    public void Remember(string tokenHash, long tokenId, AccountId account, string email, DateTimeOffset expires, long revocationsBeforeQuery)
    {
        if (_entries.Count > 100_000)
        {
            _entries.Clear();
        }

        var entry = new Entry(tokenId, account, email, expires, clock.GetTimestamp());
        _entries[tokenHash] = entry;
        // Checked after storing: a revocation counted before this check is undone here, one counted after it
        // removes the stored entry itself (Forget counts first, then removes).
        if (Revocations != revocationsBeforeQuery)
        {
            _entries.TryRemove(KeyValuePair.Create(tokenHash, entry));
        }
    }

    public void Forget(AccountId account)
    {
        Interlocked.Increment(ref _revocations);
        foreach (var (hash, entry) in _entries)
        {
            if (entry.Account == account)
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }
}
