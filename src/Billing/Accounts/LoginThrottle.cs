using BillingBooks.Billing.Storage;

namespace BillingBooks.Billing.Accounts;

/// <summary>Per email: after N failed sign-ins in a row the email is locked for a while (SPEC 1.1).</summary>
public static class LoginThrottle
{
    public static async Task RecordFailureAsync(Session session, string emailKey, DateTimeOffset now, AccountOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        var failures = await session.QuerySingleAsync<long>(
            "INSERT INTO login_failures (email_key, failures, locked_until) VALUES (@key, 1, 0) " +
            "ON CONFLICT (email_key) DO UPDATE SET failures = login_failures.failures + 1 RETURNING failures",
            new { key = emailKey }).ConfigureAwait(false);
        if (failures >= options.MaxFailedLogins)
        {
            await session.ExecuteAsync(
                "UPDATE login_failures SET failures = 0, locked_until = @until WHERE email_key = @key",
                new { key = emailKey, until = (now + options.Lockout).ToUnixTimeSeconds() }).ConfigureAwait(false);
        }
    }
}
