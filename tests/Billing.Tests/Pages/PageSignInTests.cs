using System.Net;
using System.Net.Http.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Pages;

/// <summary>
/// Sign-in through the pages counts once against the per-address limit and the per-email lockout, as through the
/// API: the page request is counted, not again the page's own call to the API, and reading a form is no attempt.
/// </summary>
public class PageSignInTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Four_wrong_page_sign_ins_then_the_right_one_succeeds_when_five_are_allowed()
    {
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--Billing:AuthRequestsPerMinute", "5", "--Billing:MaxFailedLogins", "5"]);
        var email = $"pages-{Guid.NewGuid():N}@example.com";
        await PageClient.SignUpThroughApiAsync(billing.BaseAddress, email, Password);
        using var browser = new PageClient(billing.BaseAddress);
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await browser.SignInAsync(email, "wrong password");
            var html = await wrong.Content.ReadAsStringAsync();
            Assert.True(wrong.StatusCode == HttpStatusCode.OK && html.Contains("The email or the password is wrong.", StringComparison.Ordinal), $"attempt {i + 1}: {(int)wrong.StatusCode}");
        }

        using var right = await browser.SignInAsync(email, Password);
        Assert.True(right.StatusCode == HttpStatusCode.Redirect, $"the fifth attempt: {(int)right.StatusCode} {await right.Content.ReadAsStringAsync()}");
        Assert.Equal("/", right.Headers.Location?.OriginalString);

        using var sixth = await browser.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
    }

    [Fact]
    public async Task Signing_up_and_then_in_through_the_pages_counts_two_attempts()
    {
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--Billing:AuthRequestsPerMinute", "2"]);
        var email = $"signup-{Guid.NewGuid():N}@example.com";
        using var browser = new PageClient(billing.BaseAddress);
        using var signup = await browser.SubmitAsync("signup", new Dictionary<string, string> { ["email"] = email, ["password"] = Password, ["companyName"] = "Acme" });
        Assert.True(signup.StatusCode == HttpStatusCode.Redirect, $"sign-up: {(int)signup.StatusCode}");
        using var other = new PageClient(billing.BaseAddress);
        using var signIn = await other.SignInAsync(email, Password);
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"sign-in after sign-up: {(int)signIn.StatusCode}");
    }

    [Fact]
    public async Task The_lockout_threshold_is_the_same_through_the_pages_and_the_api()
    {
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--Billing:MaxFailedLogins", "3"]);
        using var anonymous = new HttpClient { BaseAddress = billing.BaseAddress };
        var throughPages = $"locked-{Guid.NewGuid():N}@example.com";
        var throughApi = $"locked-{Guid.NewGuid():N}@example.com";
        await PageClient.SignUpThroughApiAsync(billing.BaseAddress, throughPages, Password);
        await PageClient.SignUpThroughApiAsync(billing.BaseAddress, throughApi, Password);
        using var browser = new PageClient(billing.BaseAddress);
        for (var i = 0; i < 3; i++)
        {
            (await browser.SignInAsync(throughPages, "wrong password")).Dispose();
            (await anonymous.PostAsJsonAsync("api/v1/tokens", new TokenRequest(throughApi, "wrong password"))).Dispose();
        }

        using var pageRight = await browser.SignInAsync(throughPages, Password);
        Assert.Contains("try again after", await pageRight.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var apiRight = await anonymous.PostAsJsonAsync("api/v1/tokens", new TokenRequest(throughApi, Password));
        Assert.Equal(HttpStatusCode.TooManyRequests, apiRight.StatusCode);
    }

    [Fact]
    public async Task Guessing_the_current_password_on_the_password_page_is_rate_limited()
    {
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--Billing:AuthRequestsPerMinute", "4"]);
        var email = $"guess-{Guid.NewGuid():N}@example.com";
        await PageClient.SignUpThroughApiAsync(billing.BaseAddress, email, Password);
        using var browser = new PageClient(billing.BaseAddress);
        (await browser.SignInAsync(email, Password)).Dispose();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var guess = await browser.SubmitAsync("account/password", new Dictionary<string, string>
            {
                ["currentPassword"] = $"guess number {i}", ["newPassword"] = "a brand new password",
            });
            statuses.Add(guess.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.Redirect, statuses);
    }

    [Fact]
    public async Task Changing_the_password_on_its_page_keeps_this_browser_signed_in_and_signs_out_the_others()
    {
        await using var billing = await BillingProcess.StartAsync();
        var email = $"change-{Guid.NewGuid():N}@example.com";
        await PageClient.SignUpThroughApiAsync(billing.BaseAddress, email, Password);
        using var here = new PageClient(billing.BaseAddress);
        using var elsewhere = new PageClient(billing.BaseAddress);
        (await here.SignInAsync(email, Password)).Dispose();
        (await elsewhere.SignInAsync(email, Password)).Dispose();

        using (var change = await here.SubmitAsync("account/password", new Dictionary<string, string>
        {
            ["currentPassword"] = Password, ["newPassword"] = "a brand new password",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        }

        using var stillIn = await here.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        using var signedOut = await elsewhere.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/login", signedOut.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
