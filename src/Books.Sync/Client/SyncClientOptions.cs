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

    /// <summary>
    /// The defaults suit real networks; BOOKS_SYNC_RETRY_DELAY_MS and BOOKS_SYNC_ATTEMPT_TIMEOUT_MS let the
    /// fault tests run fast.
    /// </summary>
    public static SyncClientOptions FromEnvironment(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = new SyncClientOptions();
        if (Milliseconds(environment, "BOOKS_SYNC_RETRY_DELAY_MS") is { } delay) options = options with { RetryDelay = delay };
        if (Milliseconds(environment, "BOOKS_SYNC_ATTEMPT_TIMEOUT_MS") is { } attempt) options = options with { AttemptTimeout = attempt, TotalTimeout = attempt * 10 };
        return options;
    }

    private static TimeSpan? Milliseconds(IDictionary<string, string?> environment, string variable) =>
        int.TryParse(environment.TryGetValue(variable, out var text) ? text : null, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : null;
}
