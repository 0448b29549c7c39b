using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BillingBooks.Billing.Accounts;

/// <summary>Reads <c>Authorization: Bearer TOKEN</c>; tokens are stored only as SHA-256 hashes.</summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    Database db,
    TokenCache cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private const string RefusedTokenKey = "BillingBooks.RefusedToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = TokenHash.Of(header["Bearer ".Length..].Trim());
        var entry = cache.Find(hash);
        if (entry is null)
        {
            var revocations = cache.Revocations;
            await using var connection = await db.OpenAsync(Context.RequestAborted).ConfigureAwait(false);
            var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(
                "SELECT t.id AS TokenId, t.account_id AS AccountId, a.email AS Email, t.expires_at AS ExpiresAt FROM tokens t JOIN accounts a ON a.id = t.account_id " +
                "WHERE t.token_hash = @hash AND t.revoked = 0 AND t.expires_at > @now",
                new { hash, now = clock.GetUtcNow().ToUnixTimeSeconds() }).ConfigureAwait(false);
            if (row is null)
            {
                // Say why, so a client knows whether to renew, sign in again or look for a bug: the caller holds the token.
                var known = await connection.QuerySingleOrDefaultAsync<(long Revoked, long ExpiresAt)?>(
                    "SELECT revoked AS Revoked, expires_at AS ExpiresAt FROM tokens WHERE token_hash = @hash", new { hash }).ConfigureAwait(false);
                var why = known switch
                {
                    // Expired tokens are deleted a day after they expire (ExpiredTokenSweep): unknown may be one of those.
                    null => "This token is unknown (or expired over a day ago); get one with POST /api/v1/tokens.",
                    { Revoked: not 0 } => "This token was revoked (signed out, or the password was changed); get a new one with POST /api/v1/tokens.",
                    _ => "This token has expired; get a new one with POST /api/v1/tokens (renew a token before it expires with POST /api/v1/tokens/current/renewal).",
                };
                Context.Items[RefusedTokenKey] = why;
                return AuthenticateResult.Fail(why);
            }

            var expires = DateTimeOffset.FromUnixTimeSeconds(row.ExpiresAt);
            cache.Remember(hash, row.TokenId, new AccountId(row.AccountId), row.Email, expires, revocations);
            // Valid for this request (it began before any revocation that raced it), cached or not.
            entry = new TokenCache.Entry(row.TokenId, new AccountId(row.AccountId), row.Email, expires, clock.GetTimestamp());
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, entry.Account.ToString()),
                new Claim(ClaimTypes.Email, entry.Email),
                new Claim(Caller.TokenIdClaim, entry.TokenId.ToString(CultureInfo.InvariantCulture)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, new Unauthenticated(Context.Items[RefusedTokenKey] as string
            ?? "Send Authorization: Bearer TOKEN with a valid token (POST /api/v1/tokens gives one; they expire after an hour unless renewed)."));

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, new Forbidden("This token may not do that."));

    private sealed record TokenRow(long TokenId, long AccountId, string Email, long ExpiresAt);
}

public static class TokenHash
{
    public static string Of(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
