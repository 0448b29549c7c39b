using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BillingBooks.Billing.Pages;

/// <summary>An answer of the API: the value, or the problem it reported (status, message, field errors).</summary>
public sealed record ApiResult<T>(T? Value, Problem? Problem)
{
    public bool Ok => Problem is null;
}

/// <summary>
/// The pages' one way into the books: the /api/v1 endpoints of this same process, over loopback, with the API
/// token the signed-in session carries and, for a bookkeeper, the client's dataset header. So the pages share
/// every rule, transaction and access check with the API (a bookkeeper's write is refused by the API: 403).
/// </summary>
public sealed class BooksApi(IHttpClientFactory clients, IServer server, IHttpContextAccessor accessor, PageCalls pageCalls)
{
    public const string ClientName = "books-api";

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("BooksApi is used outside a request.");

    public Task<ApiResult<T>> GetAsync<T>(string path) => SendAsync<T>(HttpMethod.Get, path, null);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body) => SendAsync<T>(HttpMethod.Post, path, body);

    public Task<ApiResult<T>> PutAsync<T>(string path, object? body) => SendAsync<T>(HttpMethod.Put, path, body);

    public Task<ApiResult<NoContent>> DeleteAsync(string path) => SendAsync<NoContent>(HttpMethod.Delete, path, null);

    /// <summary>A file (the PDF, the logo) with its content type, or the problem.</summary>
    public async Task<ApiResult<Download>> GetFileAsync(string path)
    {
        using var request = NewRequest(HttpMethod.Get, path, null);
        using var response = await Client().SendAsync(request, Http.RequestAborted).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? new ApiResult<Download>(
                new Download(
                    await response.Content.ReadAsByteArrayAsync(Http.RequestAborted).ConfigureAwait(false),
                    response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream"),
                null)
            : new ApiResult<Download>(null, await ProblemOf(response).ConfigureAwait(false));
    }

    /// <summary>A raw body (the logo), with its content type.</summary>
    public async Task<ApiResult<NoContent>> PutBytesAsync(string path, byte[] body, string contentType)
    {
        using var request = NewRequest(HttpMethod.Put, path, null);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await ReadAsync<NoContent>(request).ConfigureAwait(false);
    }

    /// <summary>Without a session: sign up and sign in.</summary>
    public async Task<ApiResult<T>> AnonymousPostAsync<T>(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress(), path)) { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.Add(PageCalls.Header, pageCalls.Secret);
        return await ReadAsync<T>(request).ConfigureAwait(false);
    }

    /// <summary>
    /// A new API token for the session whose cookie is being checked (the request is not signed in yet, so the
    /// current token is passed in).
    /// </summary>
    public async Task<ApiResult<TokenResponse>> RenewTokenAsync(string apiToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress(), "api/v1/tokens/current/renewal"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        request.Headers.Add(PageCalls.Header, pageCalls.Secret);
        return await ReadAsync<TokenResponse>(request).ConfigureAwait(false);
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body)
    {
        using var request = NewRequest(method, path, body);
        return await ReadAsync<T>(request).ConfigureAwait(false);
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseAddress(), path));
        var session = PageSession.From(Http.User) ?? throw new InvalidOperationException("BooksApi needs a signed-in page session.");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.ApiToken);
        request.Headers.Add(PageCalls.Header, pageCalls.Secret);
        var dataset = PageSession.Dataset(Http);
        if (dataset is not null)
        {
            request.Headers.Add(Tenant.DatasetHeader, dataset);
        }

        // The browser's origin, for links in email (the API call itself goes to loopback).
        request.Headers.Add("X-Forwarded-Host", Http.Request.Host.Value);
        request.Headers.Add("X-Forwarded-Proto", Http.Request.Scheme);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json.Options);
        }

        return request;
    }

    private async Task<ApiResult<T>> ReadAsync<T>(HttpRequestMessage request)
    {
        using var response = await Client().SendAsync(request, Http.RequestAborted).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return new ApiResult<T>(default, await ProblemOf(response).ConfigureAwait(false));
        }

        if (response.StatusCode == HttpStatusCode.NoContent || typeof(T) == typeof(NoContent))
        {
            return new ApiResult<T>(default, null);
        }

        return new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(Json.Options, Http.RequestAborted).ConfigureAwait(false), null);
    }

    private async Task<Problem> ProblemOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Http.RequestAborted).ConfigureAwait(false);
        try
        {
            var problem = System.Text.Json.JsonSerializer.Deserialize<Problem>(text, Json.Options);
            if (problem is not null)
            {
                return problem;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not problem+json (e.g. a 404 from routing): described below from the status.
        }

        return new Problem("about:blank", response.ReasonPhrase ?? "Error", (int)response.StatusCode, $"The service answered {(int)response.StatusCode}.", null);
    }

    private HttpClient Client() => clients.CreateClient(ClientName);

    private Uri BaseAddress() => OwnAddress.Of(server);
}

/// <summary>A file the API answered with.</summary>
public sealed record Download(byte[] Content, string ContentType);

/// <summary>The value of an answer without a body (204).</summary>
public sealed record NoContent;
