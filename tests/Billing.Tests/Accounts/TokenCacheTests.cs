using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Storage;
using Microsoft.Extensions.Time.Testing;

namespace BillingBooks.Billing.Tests.Accounts;

/// <summary>
/// The cache in front of the token query: a request that read a token as valid just before it was revoked must not
/// put it back in the cache after the revocation forgot it (it would then work for up to 30 s).
/// </summary>
public class TokenCacheTests
{
    private static readonly AccountId Account = new(7);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_read_before_a_revocation_is_not_cached_after_it()
    {
        var cache = new TokenCache(new FakeTimeProvider(Now));
        var readAt = cache.Revocations;       // the request starts its token query
        cache.Forget(Account);                // the revocation commits and forgets the account's tokens
        cache.Remember("hash", 1, Account, "a@example.com", Now.AddHours(1), readAt);
        Assert.Null(cache.Find("hash"));
    }

    [Fact]
    public void A_token_read_with_no_revocation_since_is_cached_until_its_freshness_ends()
    {
        var clock = new FakeTimeProvider(Now);
        var cache = new TokenCache(clock);
        cache.Remember("hash", 1, Account, "a@example.com", Now.AddHours(1), cache.Revocations);
        Assert.NotNull(cache.Find("hash"));
        clock.Advance(TokenCache.Freshness + TimeSpan.FromSeconds(1));
        Assert.Null(cache.Find("hash"));
    }

    [Fact]
    public async Task Revocations_racing_with_requests_never_leave_a_revoked_token_cached()
    {
        var cache = new TokenCache(new FakeTimeProvider(Now));
        for (var round = 0; round < 2000; round++)
        {
            var hash = $"token-{round}";
            var revoked = false;
            var request = Task.Run(() =>
            {
                var readAt = cache.Revocations;
                var valid = !Volatile.Read(ref revoked);
                if (valid)
                {
                    cache.Remember(hash, round, Account, "a@example.com", Now.AddHours(1), readAt);
                }
            });
            var revocation = Task.Run(() =>
            {
                Volatile.Write(ref revoked, true);
                cache.Forget(Account);
            });
            await Task.WhenAll(request, revocation);
            Assert.Null(cache.Find(hash));
        }
    }

    [Fact]
    public void Freshness_is_process_time_so_a_business_clock_that_holds_still_does_not_keep_a_token_cached()
    {
        var clock = new SplitClock(Now);
        var cache = new TokenCache(clock);
        cache.Remember("hash", 1, Account, "a@example.com", Now.AddHours(1), cache.Revocations);
        Assert.NotNull(cache.Find("hash"));

        clock.Elapse(TokenCache.Freshness + TimeSpan.FromSeconds(1)); // --test-clock holds still meanwhile

        Assert.Null(cache.Find("hash"));
    }

    [Fact]
    public void Expiry_is_business_time_so_moving_the_business_clock_past_it_ends_a_cached_token()
    {
        var clock = new SplitClock(Now);
        var cache = new TokenCache(clock);
        cache.Remember("hash", 1, Account, "a@example.com", Now.AddHours(1), cache.Revocations);

        clock.UtcNow = Now.AddHours(1); // PUT /test/clock; no process time passed

        Assert.Null(cache.Find("hash"));
    }

    /// <summary>Like --test-clock: business time (UtcNow) and process time (timestamps) move apart.</summary>
    private sealed class SplitClock(DateTimeOffset now) : TimeProvider
    {
        private long _timestamp;

        public DateTimeOffset UtcNow { get; set; } = now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override DateTimeOffset GetUtcNow() => UtcNow;

        public override long GetTimestamp() => _timestamp;

        public void Elapse(TimeSpan time) => _timestamp += time.Ticks;
    }
}
