using System.Globalization;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BillingBooks.Billing.Accounts;

/// <summary>Signup, tokens and password (SPEC 1.1, 1.8).</summary>
public static class AccountEndpoints
{
    public const string AuthRateLimit = "auth";

    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1").WithTags("Accounts");
        open.MapPost("/signup", SignupAsync).RequireRateLimiting(AuthRateLimit)
            .Accepts<SignupRequest>("application/json").Produces<AccountResponse>(StatusCodes.Status201Created).AllowAnonymous();
        open.MapPost("/tokens", CreateTokenAsync).RequireRateLimiting(AuthRateLimit)
            .Accepts<TokenRequest>("application/json").Produces<TokenResponse>(StatusCodes.Status201Created).AllowAnonymous();

        var signedIn = app.MapGroup("/api/v1").WithTags("Accounts").RequireAuthorization();
        signedIn.MapDelete("/tokens/current", RevokeCurrentAsync).Produces(StatusCodes.Status204NoContent);
        // Limited like sign-in (a browser's renewals are page calls and not counted): it makes token rows.
        signedIn.MapPost("/tokens/current/renewal", RenewCurrentAsync).RequireRateLimiting(AuthRateLimit).Produces<TokenResponse>(StatusCodes.Status201Created);
        // Rate-limited like sign-in: it checks the current password, so it must not become a guessing oracle.
        signedIn.MapPut("/password", ChangePasswordAsync).RequireRateLimiting(AuthRateLimit)
            .Accepts<PasswordChange>("application/json").Produces<TokenResponse>();
        signedIn.MapGet("/account", (Caller caller) => Results.Ok(new AccountResponse(caller.Account.ToString(), caller.Email)))
            .Produces<AccountResponse>();
    }

    public static string EmailKey(string email) => email.Trim().ToLowerInvariant();

    private static async Task<IResult> SignupAsync(HttpRequest request, Database db, PasswordHasher<AccountRow> hasher, TimeProvider clock)
    {
        var body = await JsonBody.ReadAsync<SignupRequest>(request).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        var signup = body.Value!;
        var errors = new FieldErrors();
        var email = signup.Email?.Trim();
        if (string.IsNullOrEmpty(email) || !IsEmail(email))
        {
            errors.Add("email", "an email address like name@example.com is required; it is your login");
        }

        errors.MaxLength("email", email, 254);
        PasswordRules.Check(signup.Password, "password", "a password", errors);

        errors.MaxLength("companyName", signup.CompanyName, 255);
        if (!errors.IsEmpty)
        {
            return errors.ToError().ToResult();
        }

        await using var session = await db.BeginAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        var key = EmailKey(email!);
        var taken = await session.QuerySingleOrDefaultAsync<long?>("SELECT id FROM accounts WHERE email_key = @key", new { key }).ConfigureAwait(false);
        if (taken is not null)
        {
            return new Conflict("An account with this email exists; sign in with POST /api/v1/tokens or use another email.", "email").ToResult();
        }

        var profile = Profiles.Default(string.IsNullOrWhiteSpace(signup.CompanyName) ? null : signup.CompanyName.Trim());
        var id = await session.QuerySingleAsync<long>(
            "INSERT INTO accounts (email, email_key, password_hash, created_at, last_seq, profile) VALUES (@email, @key, @hash, @now, 0, @profile) RETURNING id",
            new
            {
                email,
                key,
                hash = hasher.HashPassword(new AccountRow(0, key, ""), signup.Password!),
                now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                profile = Profiles.Serialize(profile),
            }).ConfigureAwait(false);
        await session.CommitAsync().ConfigureAwait(false);
        return Results.Json(new AccountResponse(id.ToString(CultureInfo.InvariantCulture), email!), Json.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> CreateTokenAsync(
        HttpRequest request, Database db, PasswordHasher<AccountRow> hasher, TimeProvider clock, IOptions<AccountOptions> options)
    {
        var body = await JsonBody.ReadAsync<TokenRequest>(request).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        var login = body.Value!;
        if (string.IsNullOrWhiteSpace(login.Email) || string.IsNullOrEmpty(login.Password))
        {
            var errors = new FieldErrors();
            if (string.IsNullOrWhiteSpace(login.Email))
            {
                errors.Add("email", "the email you signed up with is required");
            }

            if (string.IsNullOrEmpty(login.Password))
            {
                errors.Add("password", "the password is required");
            }

            return errors.ToError().ToResult();
        }

        var settings = options.Value;
        var key = EmailKey(login.Email);
        var now = clock.GetUtcNow();
        var attempt = await LoginThrottle.BeginAsync(db, key, now, settings, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (attempt.LockedUntil is { } lockedUntil)
        {
            return new LockedOut(lockedUntil).ToResult();
        }

        AccountRow? account;
        // Read and hash outside the write: hashing is slow on purpose and must not hold the writers' queue.
        await using (var read = await db.BeginSnapshotAsync(request.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            account = await read.QuerySingleOrDefaultAsync<AccountRow>(
                "SELECT id AS Id, email AS Email, password_hash AS PasswordHash FROM accounts WHERE email_key = @key", new { key }).ConfigureAwait(false);
        }

        // Hash even for an unknown email so the answer takes as long as for a wrong password. No length check here: a
        // password over PasswordRules.MaxLength fails like any wrong one (none can be set now), with the same answer.
        var hash = account?.PasswordHash ?? UnknownAccountHash.Value(hasher);
        var verdict = hasher.VerifyHashedPassword(account ?? new AccountRow(0, key, hash), hash, login.Password);
        await using var session = await db.BeginAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (account is null || verdict == PasswordVerificationResult.Failed)
        {
            await LoginThrottle.FailedAsync(session, key, attempt, now, settings).ConfigureAwait(false);
            await session.CommitAsync().ConfigureAwait(false);
            return new Unauthenticated("The email or the password is wrong.").ToResult();
        }

        // The password was checked outside this transaction: if it changed meanwhile, that change ended every session
        // and this sign-in used the old password. Taking the account's row lock with the check orders it after (or
        // before) any password change, on PostgreSQL as on SQLite.
        var unchanged = await session.ExecuteAsync(
            "UPDATE accounts SET password_hash = @newHash WHERE id = @id AND password_hash = @verified",
            new
            {
                id = account.Id,
                verified = account.PasswordHash,
                newHash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(account, login.Password) : account.PasswordHash,
            }).ConfigureAwait(false);
        if (unchanged == 0)
        {
            return new Unauthenticated("The email or the password is wrong.").ToResult();
        }

        await session.ExecuteAsync("DELETE FROM login_failures WHERE email_key = @key", new { key }).ConfigureAwait(false);

        var issued = await IssueTokenAsync(session, account.Id, account.Email, new TokenSession(NewSessionId(), now.ToUnixTimeSeconds()), now, settings).ConfigureAwait(false);
        await session.CommitAsync().ConfigureAwait(false);
        return issued;
    }

    /// <summary>
    /// A fresh token for the caller's session, while the session is younger than <see cref="AccountOptions.SessionLifetime"/>
    /// (counted from the sign-in that started it): a signed-in browser renews its token as it is used. The current
    /// token stays valid until it expires, so requests already on their way with it still work.
    /// </summary>
    private static async Task<IResult> RenewCurrentAsync(Caller caller, Database db, TimeProvider clock, IOptions<AccountOptions> options, HttpContext http)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        await using var session = await db.BeginAsync(http.RequestAborted).ConfigureAwait(false);
        await LockTokensAsync(session, caller.Account).ConfigureAwait(false);
        var current = await session.QuerySingleOrDefaultAsync<TokenSession>(
            "SELECT session_id AS Id, session_started_at AS StartedAt FROM tokens WHERE id = @id AND account_id = @account AND revoked = 0",
            new { id = caller.TokenId, account = caller.Account.Value }).ConfigureAwait(false);
        if (current is null)
        {
            return new Unauthenticated("This token was revoked. Sign in again.").ToResult();
        }

        if (now - DateTimeOffset.FromUnixTimeSeconds(current.StartedAt) >= settings.SessionLifetime)
        {
            return new Unauthenticated($"This session began more than {settings.SessionLifetime.TotalHours.ToString("0.##", CultureInfo.InvariantCulture)} hours ago and cannot be renewed. Sign in again.").ToResult();
        }

        var issued = await IssueTokenAsync(session, caller.Account.Value, caller.Email, current, now, settings).ConfigureAwait(false);
        await session.CommitAsync().ConfigureAwait(false);
        return issued;
    }

    /// <summary>Signing out ends the session: the token and every token renewed in the same session.</summary>
    private static async Task<IResult> RevokeCurrentAsync(Caller caller, Database db, TokenCache cache, HttpContext http)
    {
        await using var session = await db.BeginAsync(http.RequestAborted).ConfigureAwait(false);
        await LockTokensAsync(session, caller.Account).ConfigureAwait(false);
        await session.ExecuteAsync(
            "UPDATE tokens SET revoked = 1 WHERE account_id = @account AND (id = @id OR session_id = (SELECT session_id FROM tokens WHERE id = @id AND account_id = @account))",
            new { id = caller.TokenId, account = caller.Account.Value }).ConfigureAwait(false);
        await session.CommitAsync().ConfigureAwait(false);
        cache.Forget(caller.Account);
        return Results.NoContent();
    }

    /// <summary>
    /// Renewal and sign-out take the account's row lock first (a password change and a sign-in take it with their
    /// UPDATE of the account), so on PostgreSQL (read committed) a renewal that read its session as live cannot
    /// commit a new token after a sign-out or password change has revoked the session's tokens: one waits for the
    /// other and then sees what it did. (SQLite has one writer.)
    /// </summary>
    private static Task LockTokensAsync(Session session, AccountId account) =>
        session.ExecuteAsync("UPDATE accounts SET last_seq = last_seq WHERE id = @account", new { account = account.Value });

    private static async Task<IResult> IssueTokenAsync(
        Session session, long account, string email, TokenSession tokenSession, DateTimeOffset now, AccountOptions settings, int status = StatusCodes.Status201Created)
    {
        var token = TokenHash.NewToken();
        // No token outlives its session: the last renewal gets what is left of it.
        var sessionEnds = DateTimeOffset.FromUnixTimeSeconds(tokenSession.StartedAt) + settings.SessionLifetime;
        var expires = now + settings.TokenLifetime < sessionEnds ? now + settings.TokenLifetime : sessionEnds;
        await session.ExecuteAsync(
            "INSERT INTO tokens (account_id, token_hash, expires_at, revoked, session_id, session_started_at) VALUES (@account, @hash, @expires, 0, @sessionId, @startedAt)",
            new { account, hash = TokenHash.Of(token), expires = expires.ToUnixTimeSeconds(), sessionId = tokenSession.Id, startedAt = tokenSession.StartedAt }).ConfigureAwait(false);
        return Results.Json(
            new TokenResponse(token, "Bearer", expires, account.ToString(CultureInfo.InvariantCulture), email),
            Json.Options,
            statusCode: status);
    }

    /// <summary>Random, so a session cannot be named from outside; unique enough within one account.</summary>
    private static long NewSessionId() => BitConverter.ToInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)) & long.MaxValue;

    /// <summary>The sign-in a token comes from: its id and when it began (unix seconds).</summary>
    private sealed record TokenSession(long Id, long StartedAt);

    private static async Task<IResult> ChangePasswordAsync(Caller caller, HttpRequest request, Database db, PasswordHasher<AccountRow> hasher, TokenCache cache,
        TimeProvider clock, IOptions<AccountOptions> options)
    {
        var body = await JsonBody.ReadAsync<PasswordChange>(request).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        var change = body.Value!;
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(change.CurrentPassword))
        {
            errors.Add("currentPassword", "your current password is required");
        }

        PasswordRules.Check(change.NewPassword, "newPassword", "a new password", errors);

        if (!errors.IsEmpty)
        {
            return errors.ToError().ToResult();
        }

        await using var session = await db.BeginAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        var account = await session.QuerySingleAsync<AccountRow>(
            "SELECT id AS Id, email AS Email, password_hash AS PasswordHash FROM accounts WHERE id = @id", new { id = caller.Account.Value }).ConfigureAwait(false);
        if (hasher.VerifyHashedPassword(account, account.PasswordHash, change.CurrentPassword!) == PasswordVerificationResult.Failed)
        {
            return new InvalidInput(new Dictionary<string, string[]> { ["currentPassword"] = ["the current password is wrong"] }).ToResult();
        }

        // Only over the hash just checked: of two changes racing with the same current password, the second finds it
        // changed (on PostgreSQL the UPDATE waits for the first and then re-reads the row) and is refused.
        var changed = await session.ExecuteAsync(
            "UPDATE accounts SET password_hash = @hash WHERE id = @id AND password_hash = @checkedHash",
            new { hash = hasher.HashPassword(account, change.NewPassword!), id = account.Id, checkedHash = account.PasswordHash }).ConfigureAwait(false);
        if (changed == 0)
        {
            return new InvalidInput(new Dictionary<string, string[]> { ["currentPassword"] = ["the password was changed meanwhile; sign in with the new one"] }).ToResult();
        }

        // Every session ends, this one too (a copy of its token may be what someone else holds), and the caller
        // carries on in a fresh session with the token in the answer.
        await session.ExecuteAsync("UPDATE tokens SET revoked = 1 WHERE account_id = @id", new { id = account.Id }).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var issued = await IssueTokenAsync(session, account.Id, account.Email, new TokenSession(NewSessionId(), now.ToUnixTimeSeconds()), now, options.Value, StatusCodes.Status200OK).ConfigureAwait(false);
        await session.CommitAsync().ConfigureAwait(false);
        cache.Forget(caller.Account);
        return issued;
    }

    private static bool IsEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 1 && at == email.LastIndexOf('@') && !email.Any(char.IsWhiteSpace);
    }
}

/// <summary>A hash to verify against when the email is unknown, so timing does not reveal which emails exist.</summary>
internal static class UnknownAccountHash
{
    private static string? _hash;

    public static string Value(PasswordHasher<AccountRow> hasher) =>
        _hash ??= hasher.HashPassword(new AccountRow(0, "", ""), Guid.NewGuid().ToString());
}
