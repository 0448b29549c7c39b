using BillingBooks.Books.Storage;
using BillingBooks.Books.Sync.Storage;

namespace BillingBooks.Books.Sync;

/// <summary>
/// What the user gave for the Synchronization Setup this time (flags or prompts); null = not given.
/// </summary>
public sealed record SetupAnswers(
    string? Server,
    string? Email,
    SyncMode? Mode,
    string? ClientEmail,
    int? TrackSales,
    int? TrackPayments,
    int? PayPalAccount,
    int? OtherPaymentsAccount);

/// <summary>
/// SPEC 3.1/3.2: merges answers into the stored settings. Track Sales is the Default Revenue linked account
/// when the company has one (shown, not changeable here); the email is locked after the first successful
/// sync; the last email typed is remembered even when the run then fails.
/// </summary>
public static class SyncSetup
{
    public const string DefaultServer = "http://127.0.0.1:5080/";

    public static Attempt<SyncSettings> Merge(SyncSettings stored, SetupAnswers answers, int? defaultRevenue, string file)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(answers);
        var email = answers.Email?.Trim() ?? stored.Email;
        if (stored.EmailLocked && answers.Email is not null && !string.Equals(answers.Email.Trim(), stored.Email, StringComparison.OrdinalIgnoreCase))
            return new SyncError.EmailLocked(stored.Email!, answers.Email.Trim());

        var mode = answers.Mode ?? (answers.ClientEmail is not null ? SyncMode.Client : stored.Mode);
        var clientEmail = mode == SyncMode.Client ? answers.ClientEmail?.Trim() ?? stored.ClientEmail : null;
        if (stored.EmailLocked && (mode != stored.Mode || !string.Equals(clientEmail, stored.ClientEmail, StringComparison.OrdinalIgnoreCase)))
            return new SyncError.EmailLocked(Describe(stored), mode == SyncMode.Client ? $"{email} for client {clientEmail}" : email ?? "");

        if (defaultRevenue is { } linked && answers.TrackSales is { } wanted && wanted != linked)
            return new SyncError.TrackSalesIsLinked(linked, wanted, FixCommands.Quote(file));

        foreach (var (flag, given) in new[] { ("--email", answers.Email), ("--client-email", answers.ClientEmail) })
        {
            if (given is not null && !IsEmail(given.Trim())) return new SyncError.NotAnEmail(flag, given.Trim());
        }

        string? server = null;
        if (answers.Server is not null)
        {
            var address = ServerAddress(answers.Server);
            if (!address.Succeeded) return address.Error;
            server = address.Value.ToString();
        }

        var merged = stored with
        {
            Server = server ?? stored.Server ?? DefaultServer,
            Email = email,
            LastEmail = answers.Email?.Trim() ?? stored.LastEmail,
            Mode = mode,
            ClientEmail = clientEmail,
            TrackSales = defaultRevenue ?? answers.TrackSales ?? stored.TrackSales,
            TrackPayments = answers.TrackPayments ?? stored.TrackPayments,
            PayPalAccount = answers.PayPalAccount ?? stored.PayPalAccount,
            OtherPaymentsAccount = answers.OtherPaymentsAccount ?? stored.OtherPaymentsAccount,
        };
        return merged;
    }

    /// <summary>
    /// Merges the answers after checking their accounts against the chart (<see cref="SetupAccounts"/>): what
    /// both `sync` and `settings billing-sync` save.
    /// </summary>
    public static Attempt<SyncSettings> Apply(BooksRead scope, SyncSettings stored, SetupAnswers answers, string file)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (SetupAccounts.Check(scope, answers) is { } error) return error;
        return Merge(stored, answers, scope.LinkedAccounts.Get().DefaultRevenue.Value, file);
    }

    /// <summary>Billing's own rule for a sign-up's email: one @ with something either side, no spaces.</summary>
    private static bool IsEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 1 && at == email.LastIndexOf('@') && !email.Any(char.IsWhiteSpace);
    }

    /// <summary>
    /// Billing's base address: an absolute http or https URL (a reverse proxy may serve it under a path, so the
    /// path is kept, ending in '/' so that the API's relative paths go below it, not beside its last segment).
    /// </summary>
    public static Attempt<Uri> ServerAddress(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var given = text.Trim();
        if (Uri.TryCreate(given, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0)
        {
            if (uri.UserInfo.Length > 0) return new SyncError.ServerWithCredentials(uri.Authority);

            var builder = new UriBuilder(uri);
            if (!builder.Path.EndsWith('/')) builder.Path += "/";
            return builder.Uri;
        }

        // "127.0.0.1:5181" is no URI and "localhost:5080" one with the scheme "localhost": both lack http://.
        return given.Contains("://", StringComparison.Ordinal) ? new SyncError.ServerNotHttp(given) : new SyncError.ServerWithoutScheme(given);
    }

    /// <summary>What is still missing, as the flags that give it (empty when the setup is complete).</summary>
    public static IReadOnlyList<string> Missing(SyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(settings.Email)) missing.Add("--email EMAIL");
        if (settings.Mode == SyncMode.Client && string.IsNullOrWhiteSpace(settings.ClientEmail)) missing.Add("--client-email EMAIL");
        if (settings.TrackSales is null) missing.Add("--track-sales ACCOUNT");
        if (settings.TrackPayments is null) missing.Add("--track-payments ACCOUNT");
        return missing;
    }

    public static string Describe(SyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Mode == SyncMode.Client ? $"{settings.Email} for client {settings.ClientEmail}" : settings.Email ?? "(none)";
    }
}
