using BillingBooks.Billing.Storage;

namespace BillingBooks.Billing.Accounts;

/// <summary>
/// Deletes API tokens a day after they expire. Every sign-in and every renewal of a browser's token adds a row,
/// so without this the table only grows. Expired tokens are refused whether their row is there or not; the day
/// kept is for looking into a recent sign-in problem.
/// </summary>
public sealed class ExpiredTokens(Database db, TimeProvider clock)
{
    public static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(1);

    /// <summary>Rows deleted per transaction: on SQLite other writers wait for each, so each stays short.</summary>
    public int BatchSize { get; init; } = 5000;

    /// <summary>Deletes every token that expired more than <see cref="KeptAfterExpiry"/> ago; returns how many.</summary>
    public async Task<int> DeleteAsync(CancellationToken cancel = default)
    {
        var before = (clock.GetUtcNow() - KeptAfterExpiry).ToUnixTimeSeconds();
        var deleted = 0;
        while (true)
        {
            await using var session = await db.BeginAsync(cancel).ConfigureAwait(false);
            var batch = await session.ExecuteAsync(
                "DELETE FROM tokens WHERE id IN (SELECT id FROM tokens WHERE expires_at < @before ORDER BY expires_at LIMIT @limit)",
                new { before, limit = BatchSize }).ConfigureAwait(false);
            await session.CommitAsync(cancel).ConfigureAwait(false);
            deleted += batch;
            if (batch < BatchSize)
            {
                return deleted;
            }
        }
    }
}

/// <summary>Runs <see cref="ExpiredTokens"/> once an hour.</summary>
public sealed class ExpiredTokenSweep(Database db, TimeProvider clock, ILogger<ExpiredTokenSweep> log) : PeriodicWork(clock, log)
{
    private readonly ExpiredTokens _tokens = new(db, clock);

    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override string What => "Expired API tokens";

    protected override async Task<string?> RunOnceAsync(CancellationToken cancel)
    {
        var deleted = await _tokens.DeleteAsync(cancel).ConfigureAwait(false);
        return deleted > 0 ? $"deleted {deleted}" : null;
    }
}
