using System.Diagnostics;
using System.Net;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Pages;

/// <summary>
/// A signed-in browser stays signed in while it is used: its API token is renewed once half its life is gone,
/// until the session reaches its limit counted from sign-in. Own process with an 8-second token and a 12-second
/// session, so the whole life of a session fits in a test.
/// </summary>
public class PageSessionTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_page_session_in_use_outlives_its_first_token_and_ends_at_the_session_limit()
    {
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--Billing:TokenLifetime", "00:00:08", "--Billing:SessionLifetime", "00:00:12"]);
        var email = $"session-{Guid.NewGuid():N}@example.com";
        await PageClient.SignUpThroughApiAsync(billing.BaseAddress, email, Password);

        using var browser = new PageClient(billing.BaseAddress);
        var clock = Stopwatch.StartNew();
        using (var signIn = await browser.SignInAsync(email, Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        // 5 s: 3 s of the token's 8 left, under half: this request renews it (the new one lasts until about 13 s).
        await UntilAsync(clock, 5);
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(browser));
        // 9.5 s: the first token expired at 8 s; only the renewed one lets the page open (and it renews again).
        await UntilAsync(clock, 9.5);
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(browser));
        // 15 s: past the 12-second session limit, the renewal is refused and the browser is sent to sign in.
        await UntilAsync(clock, 15);
        using var after = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/login", after.Headers.Location?.OriginalString.Replace(billing.BaseAddress.ToString(), "/", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> DashboardAsync(PageClient browser)
    {
        using var response = await browser.GetAsync("/");
        return response.StatusCode;
    }

    private static async Task UntilAsync(Stopwatch clock, double seconds)
    {
        var wait = TimeSpan.FromSeconds(seconds) - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }
}
