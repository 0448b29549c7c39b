using System.Net;
using System.Net.Http.Json;
using BillingBooks.Billing.Contracts;
using System.Text.RegularExpressions;

namespace BillingBooks.Billing.Tests.Support;

/// <summary>
/// A browser without JavaScript over real HTTP: keeps cookies (even Secure ones: the tests speak plain HTTP to a
/// process that may believe it is behind a TLS proxy), does not follow redirects, and posts forms with the
/// antiforgery token of the page it read first (as a browser submits the form it shows).
/// </summary>
public sealed partial class PageClient(Uri baseAddress, IReadOnlyDictionary<string, string>? headers = null) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>Every Set-Cookie header received, in order.</summary>
    public List<string> SetCookies { get; } = [];

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)));

    /// <summary>Reads <paramref name="formPage"/>, then posts <paramref name="fields"/> to it with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formPage, IReadOnlyDictionary<string, string> fields)
    {
        using var page = await GetAsync(formPage).ConfigureAwait(false);
        var html = await page.Content.ReadAsStringAsync().ConfigureAwait(false);
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, $"GET {formPage}: {(int)page.StatusCode}, no antiforgery token in the page");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value) };
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(formPage, UriKind.Relative)) { Content = new FormUrlEncodedContent(form) }).ConfigureAwait(false);
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        SubmitAsync("login", new Dictionary<string, string> { ["email"] = email, ["password"] = password });

    /// <summary>
    /// Signs up through the API from another client address (said by loopback, a trusted proxy), so that it is not
    /// one of the browser's own sign-in attempts.
    /// </summary>
    public static async Task SignUpThroughApiAsync(Uri baseAddress, string email, string password)
    {
        using var anonymous = new HttpClient { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/signup") { Content = JsonContent.Create(new SignupRequest(email, password, null)) };
        request.Headers.Add("X-Forwarded-For", "192.0.2.1");
        using var signup = await anonymous.SendAsync(request).ConfigureAwait(false);
        signup.EnsureSuccessStatusCode();
    }

    public void Dispose() => _client.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                request.Headers.Add(name, value);
            }

            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await _client.SendAsync(request).ConfigureAwait(false);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                SetCookies.Add(header);
                var pair = header.Split(';')[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..equals], pair[(equals + 1)..]);
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }

            return response;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
