using System.Net;
using System.Text.RegularExpressions;

namespace BillingBooks.Billing.Tests.Support;

/// <summary>
/// A browser without JavaScript over real HTTP: keeps cookies, does not follow redirects, and posts forms with the
/// antiforgery token of the page it read first (as a browser submits the form it shows).
/// </summary>
public sealed partial class PageClient : IDisposable
{
    private readonly HttpClient _client;

    public PageClient(Uri baseAddress, Func<HttpMessageHandler, HttpMessageHandler>? wrap = null)
    {
        Cookies = new CookieContainer();
        var handler = new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true };
        _client = new HttpClient(wrap?.Invoke(handler) ?? handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public CookieContainer Cookies { get; }

    public HttpRequestHeaders Headers => new(_client.DefaultRequestHeaders);

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>Reads <paramref name="formPage"/>, then posts <paramref name="fields"/> with its antiforgery token to <paramref name="action"/> (default: the same page).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formPage, IReadOnlyDictionary<string, string> fields, string? action = null)
    {
        using var page = await GetAsync(formPage).ConfigureAwait(false);
        var html = await page.Content.ReadAsStringAsync().ConfigureAwait(false);
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, $"GET {formPage}: {(int)page.StatusCode}, no antiforgery token in the page");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value) };
        using var content = new FormUrlEncodedContent(form);
        return await _client.PostAsync(new Uri(action ?? formPage, UriKind.Relative), content).ConfigureAwait(false);
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        SubmitAsync("login", new Dictionary<string, string> { ["email"] = email, ["password"] = password });

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>Default headers sent with every request (e.g. a spoofed X-Forwarded-For).</summary>
    public sealed class HttpRequestHeaders(System.Net.Http.Headers.HttpRequestHeaders headers)
    {
        public void Add(string name, string value) => headers.Add(name, value);
    }
}
