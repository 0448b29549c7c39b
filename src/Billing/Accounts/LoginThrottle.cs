using BillingBooks.Billing.Storage;

namespace BillingBooks.Billing.Accounts;

/// <summary>
/// Per email: after N failed sign-ins in a row the email is locked for a while (SPEC 1.1). Each attempt takes a
/// numbered try in the database before its password is checked (one atomic upsert), so guesses sent all at once
/// get no more tries than guesses sent one by one: those numbered beyond N are refused unchecked. A success
/// clears the count; an expired lock starts it again.
/// </summary>
public static class LoginThrottle
{
    /// <summary>The try this attempt took, or the time the email is locked until.</summary>
    public sealed record Attempt(long Number, DateTimeOffset? LockedUntil);

    public static async Task<Attempt> BeginAsync(Database db, string emailKey, DateTimeOffset now, AccountOptions options, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        await using var session = await db.BeginAsync(cancel).ConfigureAwait(false);
        var counted = await session.QuerySingleAsync<Counted>(
            "INSERT INTO login_failures (email_key, failures, locked_until) VALUES (@key, 1, 0) " +
            "ON CONFLICT (email_key) DO UPDATE SET " +
            "failures = CASE WHEN login_failures.locked_until <> 0 AND login_failures.locked_until <= @now THEN 1 ELSE login_failures.failures + 1 END, " +
            "locked_until = CASE WHEN login_failures.locked_until <= @now THEN 0 ELSE login_failures.locked_until END " +
            "RETURNING failures AS Tries, locked_until AS LockedUntil",
            new { key = emailKey, now = now.ToUnixTimeSeconds() }).ConfigureAwait(false);
        DateTimeOffset? lockedUntil = null;
        if (counted.LockedUntil > now.ToUnixTimeSeconds())
        {
            lockedUntil = DateTimeOffset.FromUnixTimeSeconds(counted.LockedUntil);
        }
        else if (counted.Tries > options.MaxFailedLogins)
        {
            // Beyond the allowed tries while the earlier ones are still being checked: refused, and the lock starts now.
            lockedUntil = now + options.Lockout;
            await session.ExecuteAsync(
                "UPDATE login_failures SET locked_until = @until WHERE email_key = @key AND locked_until = 0",
                new { key = emailKey, until = lockedUntil.Value.ToUnixTimeSeconds() }).ConfigureAwait(false);
        }

        await session.CommitAsync(cancel).ConfigureAwait(false);
        return new Attempt(counted.Tries, lockedUntil);
    }

    /// <summary>The attempt failed: the Nth failure in a row locks the email.</summary>
    public static async Task FailedAsync(Session session, string emailKey, Attempt attempt, DateTimeOffset now, AccountOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(options);
        if (attempt.Number >= options.MaxFailedLogins)
        {
            await session.ExecuteAsync(
                "UPDATE login_failures SET locked_until = @until WHERE email_key = @key",
                new { key = emailKey, until = (now + options.Lockout).ToUnixTimeSeconds() }).ConfigureAwait(false);
        }
    }

    private sealed record Counted(long Tries, long LockedUntil);
}
