namespace BillingBooks.Billing.Accounts;

/// <summary>Security settings (section "Billing" of the configuration).</summary>
public sealed class AccountOptions
{
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after signing in a session may still renew its token (a working day), then sign in again.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    public int MaxFailedLogins { get; set; } = 5;

    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Per client IP, on /signup and /tokens together.</summary>
    public int AuthRequestsPerMinute { get; set; } = 60;

    /// <summary>How long the link in a bookkeeper's invitation email can be used.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>PBKDF2 iterations; the default is ASP.NET Core Identity's. Tests lower it to save time.</summary>
    public int PasswordHashIterations { get; set; } = 100_000;
}
