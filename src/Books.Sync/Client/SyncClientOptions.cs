namespace BillingBooks.Books.Sync.Client;

/// <summary>Timeouts and retry pacing for <see cref="SyncClient"/>. Tests shorten the delays.</summary>
public sealed record SyncClientOptions
{
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(90);

    public int MaxRetries { get; init; } = 5;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a page whose body cannot be read (truncated, not JSON) is fetched again.</summary>
    public int MaxBodyRetries { get; init; } = 5;

    public static SyncClientOptions FromEnvironment()
    {
        // BOOKS_SYNC_RETRY_DELAY_MS lets the fault tests run fast; the defaults suit real networks.
        var delay = Environment.GetEnvironmentVariable("BOOKS_SYNC_RETRY_DELAY_MS");
        return int.TryParse(delay, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? new SyncClientOptions { RetryDelay = TimeSpan.FromMilliseconds(ms), AttemptTimeout = TimeSpan.FromSeconds(5), TotalTimeout = TimeSpan.FromSeconds(30) }
            : new SyncClientOptions();
    }
}
