using System.Globalization;
using System.Security.Claims;
using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace BillingBooks.Billing.Pages;

/// <summary>
/// The signed-in browser: an encrypted, HttpOnly cookie holding the account and the API token obtained at sign-in,
/// renewed while the browser is used (<see cref="RenewAsync"/>); the session ends when the token expires unused, is
/// revoked, or can no longer be renewed. A bookkeeper's chosen client is a second cookie;
/// the API checks the contract on every request, so the cookie grants nothing by itself.
/// </summary>
public sealed record PageSession(string AccountId, string Email, string ApiToken)
{
    private const string TokenClaim = "billing:api-token";
    private const string LastTokenItem = "billing.last-token";
    private const string ClientCookie = "billing.client";
    private const string ClientNameCookie = "billing.client-name";

    public static PageSession? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var email = user.FindFirstValue(ClaimTypes.Email);
        var token = user.FindFirstValue(TokenClaim);
        return id is null || email is null || token is null ? null : new PageSession(id, email, token);
    }

    public static Task SignInAsync(HttpContext http, TokenResponse token)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(token);
        http.Response.Cookies.Delete(ClientCookie);
        http.Response.Cookies.Delete(ClientNameCookie);
        return http.SignInAsync(
            BillingPages.CookieScheme,
            Principal(token),
            new AuthenticationProperties { ExpiresUtc = token.ExpiresAt, IsPersistent = false });
    }

    /// <summary>
    /// Checks the session cookie on each request: once less than half of its token's life is left, the token is
    /// renewed and the cookie re-issued with it, so someone at work is not signed out mid-form; when the API refuses
    /// (the session is older than its limit, or was signed out elsewhere) the session ends here and the browser
    /// goes to the sign-in page. Any other failure keeps the session as it is and tries again on the next request.
    /// </summary>
    public static async Task RenewAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is not { } user || From(user) is not { } session || context.Properties is not { IssuedUtc: { } issued, ExpiresUtc: { } expires }
            || context.Properties.Items.ContainsKey(LastTokenItem))
        {
            return;
        }

        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (expires - now > (expires - issued) / 2)
        {
            return;
        }

        ApiResult<TokenResponse> renewed;
        try
        {
            renewed = await context.HttpContext.RequestServices.GetRequiredService<BooksApi>().RenewTokenAsync(session.ApiToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return; // the service could not be reached this time: the session stays as it is
        }

        if (renewed is { Ok: true, Value: { } token })
        {
            context.ReplacePrincipal(Principal(token));
            // The re-issued cookie ends with the new token (the handler keeps the span from IssuedUtc to ExpiresUtc).
            context.Properties.IssuedUtc = now;
            context.Properties.ExpiresUtc = token.ExpiresAt;
            if (token.ExpiresAt < now + (expires - issued))
            {
                // A short token: the session ends when it does, so no request renews it again.
                context.Properties.Items[LastTokenItem] = "1";
            }

            context.ShouldRenew = true;
        }
        else if (renewed.Problem?.Status == StatusCodes.Status401Unauthorized)
        {
            context.RejectPrincipal();
            await SignOutAsync(context.HttpContext).ConfigureAwait(false);
        }
    }

    private static ClaimsPrincipal Principal(TokenResponse token) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, token.AccountId),
            new Claim(ClaimTypes.Email, token.Email),
            new Claim(TokenClaim, token.AccessToken),
        ],
        BillingPages.CookieScheme));

    public static Task SignOutAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Delete(ClientCookie);
        http.Response.Cookies.Delete(ClientNameCookie);
        return http.SignOutAsync(BillingPages.CookieScheme);
    }

    /// <summary>The client dataset a bookkeeper is looking at, or null for the caller's own books.</summary>
    public static string? Dataset(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var value = http.Request.Cookies[ClientCookie];
        return string.IsNullOrEmpty(value) || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? null : value;
    }

    /// <summary>The name shown in the read-only banner (display only; access is the contract's).</summary>
    public static string? DatasetName(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Dataset(http) is null ? null : http.Request.Cookies[ClientNameCookie];
    }

    public static void ChooseDataset(HttpContext http, string? clientAccountId, string? clientName = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (clientAccountId is null)
        {
            http.Response.Cookies.Delete(ClientCookie);
            http.Response.Cookies.Delete(ClientNameCookie);
            return;
        }

        var options = new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, IsEssential = true };
        http.Response.Cookies.Append(ClientCookie, clientAccountId, options);
        http.Response.Cookies.Append(ClientNameCookie, clientName ?? clientAccountId, options);
    }
}
