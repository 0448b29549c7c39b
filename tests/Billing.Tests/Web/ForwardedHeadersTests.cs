using System.Net;
using System.Net.Http.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Web;

/// <summary>
/// X-Forwarded-For/-Proto/-Host are believed only from trusted proxies (--trusted-proxy, default loopback), and
/// the client is the right-most address no trusted proxy vouches for: a client cannot pick its own rate-limit
/// partition, the links in emails, or a Secure-less session cookie behind TLS.
/// </summary>
public class ForwardedHeadersTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task The_client_is_the_right_most_address_not_the_first_one_it_wrote_itself()
    {
        // Loopback is the trusted proxy that appended the real client (198.51.100.1) after what the client sent.
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--Billing:AuthRequestsPerMinute", "3"]);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await SignInFromAsync(billing, $"203.0.113.{i}, 198.51.100.1"));
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(billing, "198.51.100.2"));
    }

    [Fact]
    public async Task Forwarded_headers_from_a_caller_that_is_not_a_trusted_proxy_are_ignored()
    {
        // Only 192.0.2.10 is a proxy here: this test's loopback connection is an ordinary client.
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--Billing:AuthRequestsPerMinute", "5", "--trusted-proxy", "192.0.2.10"]);
        var spoofed = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https", ["X-Forwarded-Host"] = "evil.example" };
        var (client, email, cookies) = await SignUpAndInThroughPagesAsync(billing, spoofed, "192.0.2.99");
        using (client)
        {
            Assert.DoesNotContain(cookies, c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
            var link = await InvitationLinkAsync(billing, email, spoofed);
            Assert.StartsWith(billing.BaseAddress.ToString().TrimEnd('/') + "/invitations/", link, StringComparison.Ordinal);
        }

        // Three of the five sign-up/in requests are spent (sign-up, the log-in page, the token above): a new
        // made-up address per request does not give more.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await SignInFromAsync(billing, $"203.0.113.{i}"));
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Behind_a_trusted_tls_proxy_cookies_are_secure_and_links_use_the_public_origin()
    {
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--trusted-proxy", "127.0.0.1, ::1"]);
        var proxied = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https", ["X-Forwarded-Host"] = "billing.example", ["X-Forwarded-For"] = "198.51.100.7" };
        var (client, email, cookies) = await SignUpAndInThroughPagesAsync(billing, proxied, "198.51.100.7");
        using (client)
        {
            var session = Assert.Single(cookies, c => c.StartsWith("billing.session=", StringComparison.Ordinal));
            Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("https://billing.example/invitations/", await InvitationLinkAsync(billing, email, proxied), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_trusted_proxy_option_that_is_not_an_address_stops_the_start_with_a_message()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BillingProcess.StartAsync(extraArguments: ["--trusted-proxy", "proxy.example"]));
        Assert.Contains("--trusted-proxy", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> SignInFromAsync(BillingProcess billing, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/tokens") { Content = JsonContent.Create(new TokenRequest("nobody@example.com", "whatever password")) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await billing.Client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Signs up through the API (from <paramref name="from"/>), then in through the log-in page with <paramref name="headers"/>; the page's Set-Cookie headers.</summary>
    private static async Task<(PageClient Client, string Email, List<string> Cookies)> SignUpAndInThroughPagesAsync(
        BillingProcess billing, Dictionary<string, string> headers, string from)
    {
        var email = $"proxied-{Guid.NewGuid():N}@example.com";
        using (var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/signup") { Content = JsonContent.Create(new SignupRequest(email, Password, "Acme")) })
        {
            request.Headers.Add("X-Forwarded-For", from);
            using var signup = await billing.Client.SendAsync(request);
            signup.EnsureSuccessStatusCode();
        }

        var client = new PageClient(billing.BaseAddress, headers);
        using var signIn = await client.SignInAsync(email, Password);
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"sign-in: {(int)signIn.StatusCode} {await signIn.Content.ReadAsStringAsync()}");
        return (client, email, client.SetCookies);
    }

    /// <summary>Invites a bookkeeper through the API with <paramref name="headers"/>; the link of the email it sent.</summary>
    private static async Task<string> InvitationLinkAsync(BillingProcess billing, string email, Dictionary<string, string> headers)
    {
        var (api, _) = await BillingApi.SignInAsync(billing.BaseAddress, email, Password);
        using (api)
        {
            var bookkeeper = $"keeper-{Guid.NewGuid():N}@example.com";
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/bookkeepers") { Content = JsonContent.Create(new InvitationRequest(bookkeeper)) };
            foreach (var (name, value) in headers)
            {
                request.Headers.Add(name, value);
            }

            using var response = await api.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var message = await MimeKit.MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(billing.MailFolder!, "*.eml")));
            return System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"\S+/invitations/\S+").Value;
        }
    }
}
