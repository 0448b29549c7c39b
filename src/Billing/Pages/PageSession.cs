using System.Globalization;
using System.Security.Claims;
using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Authentication;

namespace BillingBooks.Billing.Pages;

/// <summary>
/// The signed-in browser: an encrypted, HttpOnly cookie holding the account and the API token obtained at sign-in
/// (so the session ends when the token expires or is revoked). A bookkeeper's chosen client is a second cookie;
/// the API checks the contract on every request, so the cookie grants nothing by itself.
/// </summary>
public sealed record PageSession(string AccountId, string Email, string ApiToken)
{
    private const string TokenClaim = "billing:api-token";
    private const string ClientCookie = "billing.client";

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
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, token.AccountId),
                new Claim(ClaimTypes.Email, token.Email),
                new Claim(TokenClaim, token.AccessToken),
            ],
            BillingPages.CookieScheme);
        http.Response.Cookies.Delete(ClientCookie);
        return http.SignInAsync(
            BillingPages.CookieScheme,
            new ClaimsPrincipal(identity),
            new AuthenticationProperties { ExpiresUtc = token.ExpiresAt, IsPersistent = false });
    }

    public static Task SignOutAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Delete(ClientCookie);
        return http.SignOutAsync(BillingPages.CookieScheme);
    }

    /// <summary>The client dataset a bookkeeper is looking at, or null for the caller's own books.</summary>
    public static string? Dataset(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var value = http.Request.Cookies[ClientCookie];
        return string.IsNullOrEmpty(value) || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? null : value;
    }

    public static void ChooseDataset(HttpContext http, string? clientAccountId)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (clientAccountId is null)
        {
            http.Response.Cookies.Delete(ClientCookie);
            return;
        }

        http.Response.Cookies.Append(ClientCookie, clientAccountId, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            IsEssential = true,
        });
    }
}
