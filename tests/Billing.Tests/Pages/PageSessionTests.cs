using System.Net;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Pages;

/// <summary>
/// A signed-in browser stays signed in while it is used: its API token is renewed once half its life is gone,
/// until the session reaches its limit counted from sign-in. Own process on a test clock with the real lifetimes
/// (a 1-hour token, a 12-hour session): the test moves the clock instead of waiting.
/// </summary>
public class PageSessionTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_page_session_in_use_outlives_its_first_token_and_ends_at_the_session_limit()
    {
        await using var billing = await BillingProcess.StartAsync(clock: ProcessClock.WholeSecondNow());
        var email = $"session-{Guid.NewGuid():N}@example.com";
        await PageClient.SignUpThroughApiAsync(billing.BaseAddress, email, Password);

        using var browser = new PageClient(billing.BaseAddress);
        var signedIn = await billing.Clock.NowAsync();
        using (var signIn = await browser.SignInAsync(email, Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        // 0:35: 25 minutes of the token's 60 left, under half: this request renews it (the new one lasts until 1:35).
        await billing.Clock.MoveToAsync(signedIn + TimeSpan.FromMinutes(35));
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(browser));
        // 1:05: the first token expired at 1:00; only the renewed one lets the page open (and it renews again).
        await billing.Clock.MoveToAsync(signedIn + TimeSpan.FromMinutes(65));
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(browser));
        // Used every 40 minutes, it stays signed in up to the last second of the session's 12 hours (the renewal at
        // 11:45 gets a token that ends with the session, at 12:00).
        var limit = signedIn + TimeSpan.FromHours(12);
        for (var at = signedIn + TimeSpan.FromMinutes(105); at < limit; at += TimeSpan.FromMinutes(40))
        {
            await billing.Clock.MoveToAsync(at);
            Assert.Equal(HttpStatusCode.OK, await DashboardAsync(browser));
        }

        await billing.Clock.MoveToAsync(limit - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(browser));
        // Past the limit the session is over and the browser is sent to sign in.
        await billing.Clock.MoveToAsync(limit + TimeSpan.FromSeconds(1));
        using var after = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/login", after.Headers.Location?.OriginalString.Replace(billing.BaseAddress.ToString(), "/", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> DashboardAsync(PageClient browser)
    {
        using var response = await browser.GetAsync("/");
        return response.StatusCode;
    }
}
