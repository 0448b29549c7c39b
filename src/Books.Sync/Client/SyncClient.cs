using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BillingBooks.Billing.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace BillingBooks.Books.Sync.Client;

/// <summary>
/// Books' side of Billing's sync API (SPEC 1.8): bearer token from email + password, dataset resolution, the
/// change feed page by page and the summary. Transient failures (connection reset, 5xx, 408, 429, timeouts)
/// are retried with backoff by the standard resilience handler; a body that cannot be read (truncated, not
/// JSON, a feed item without its record or with a field the sync cannot read) is fetched again here; a 401
/// mid-run renews the token once with the password held in memory.
/// </summary>
public sealed class SyncClient : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ServiceProvider _services;
    private readonly HttpClient _http;
    private readonly BillingCredentials _credentials;
    private readonly SyncClientOptions _options;
    private string? _token;

    private SyncClient(ServiceProvider services, HttpClient http, BillingCredentials credentials, SyncClientOptions options)
    {
        _services = services;
        _http = http;
        _credentials = credentials;
        _options = options;
    }

    public static SyncClient Create(BillingCredentials credentials, SyncClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        var services = new ServiceCollection();
        services.AddHttpClient("billing", http =>
            {
                http.BaseAddress = credentials.Server;
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns the timeouts
            })
            .AddStandardResilienceHandler(o =>
            {
                o.AttemptTimeout.Timeout = options.AttemptTimeout;
                o.TotalRequestTimeout.Timeout = options.TotalTimeout;
                o.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2 + TimeSpan.FromSeconds(1);
                o.Retry.MaxRetryAttempts = options.MaxRetries;
                o.Retry.Delay = options.RetryDelay;
                o.Retry.UseJitter = true;
            });
        var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("billing");
        return new SyncClient(provider, http, credentials, options);
    }

    public async Task<SyncError?> LoginAsync(CancellationToken cancellation)
    {
        var request = new TokenRequest(_credentials.Email, _credentials.Password);
        var sent = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "api/v1/tokens") { Content = JsonContent.Create(request, options: Json) }, cancellation).ConfigureAwait(false);
        if (sent.Error is { } error) return error;
        using var response = sent.Value!;
        // The first request: a server that does not know Billing's token endpoint is not Billing's base address.
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            return new SyncError.NotBillingAddress(response.RequestMessage?.RequestUri?.ToString() ?? _credentials.Server.ToString(), (int)response.StatusCode);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
            return new SyncError.WrongPassword(_credentials.Email);
        var token = await ReadAsync<TokenResponse>(response, cancellation).ConfigureAwait(false);
        cancellation.ThrowIfCancellationRequested(); // interrupted, not a body that could not be read
        if (!token.Succeeded) return token.Error;
        _token = token.Value.AccessToken;
        return null;
    }

    /// <summary>The caller's own dataset, or in bookkeeper mode the client's (active contract required).</summary>
    public async Task<Attempt<Dataset>> ResolveDatasetAsync(CancellationToken cancellation)
    {
        var list = await GetAsync<DatasetList>("api/v1/datasets", cancellation).ConfigureAwait(false);
        if (!list.Succeeded) return list.Error;
        var wanted = _credentials.ClientEmail;
        var found = wanted is null
            ? list.Value.Items.FirstOrDefault(d => d.Relation == DatasetRelations.Own)
            : list.Value.Items.FirstOrDefault(d => d.Relation == DatasetRelations.Client && string.Equals(d.Email, wanted, StringComparison.OrdinalIgnoreCase));
        if (found is not null) return found;
        return wanted is null
            ? new SyncError.BillingRefused(200, $"Billing lists no own dataset for {_credentials.Email}")
            : new SyncError.NoActiveContract(_credentials.Email, wanted);
    }

    public Task<Attempt<ChangePage>> ChangesAsync(string datasetId, string? after, int limit, CancellationToken cancellation)
    {
        var query = $"api/v1/datasets/{Uri.EscapeDataString(datasetId)}/changes?limit={limit.ToString(CultureInfo.InvariantCulture)}";
        if (!string.IsNullOrEmpty(after)) query += "&after=" + Uri.EscapeDataString(after);
        return GetAsync(query, cancellation, new Reading<ChangePage>(FeedJson.Options, FeedItems.Unreadable, FeedJson.Describe));
    }

    /// <summary>
    /// Billing's summary: every customer's balance, or (with <paramref name="changedAfter"/>) only those changed
    /// after that cursor plus the <paramref name="customers"/> named; the totals are always the whole account's.
    /// </summary>
    public Task<Attempt<DatasetSummary>> SummaryAsync(string datasetId, string? changedAfter, IReadOnlyCollection<string> customers, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var path = $"api/v1/datasets/{Uri.EscapeDataString(datasetId)}/summary";
        if (changedAfter is not null)
            path += $"?changedAfter={Uri.EscapeDataString(changedAfter)}&customers={Uri.EscapeDataString(string.Join(',', customers))}";
        return GetAsync(path, cancellation, new Reading<DatasetSummary>(Json, SummaryFigures.Unreadable));
    }

    /// <summary>How an answer is read and checked when not simply as <see cref="Json"/>.</summary>
    /// <param name="Unreadable">What the answer lacks or holds that the sync cannot read, or null: such an answer is read again, like a truncated one.</param>
    /// <param name="Describe">What a body that <paramref name="Options"/> could not read got wrong (else the reader's own words).</param>
    private sealed record Reading<T>(JsonSerializerOptions Options, Func<T, string?> Unreadable, Func<byte[], JsonException, string>? Describe = null);

    private async Task<Attempt<T>> GetAsync<T>(string path, CancellationToken cancellation, Reading<T>? reading = null)
    {
        string lastProblem = "no answer";
        for (var attempt = 0; attempt <= _options.MaxBodyRetries; attempt++)
        {
            if (attempt > 0) await Task.Delay(_options.RetryDelay * attempt, cancellation).ConfigureAwait(false);
            var sent = await SendAuthorizedAsync(path, cancellation).ConfigureAwait(false);
            if (sent.Error is { } error) return error;
            using var response = sent.Value!;
            // Headers came back; a body that stalls must not hang the run either.
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            stall.CancelAfter(_options.AttemptTimeout);
            var read = await ReadAsync(response, stall.Token, reading).ConfigureAwait(false);
            cancellation.ThrowIfCancellationRequested(); // interrupted, not a body that stalled
            if (read.Succeeded && reading?.Unreadable(read.Value) is { } lacking)
            {
                lastProblem = lacking;
                continue;
            }
            if (read.Succeeded) return read;
            if (read.Error is not SyncError.UnreadableFeed unreadable) return read.Error;
            lastProblem = unreadable.Detail;
        }
        return new SyncError.UnreadableFeed(lastProblem);
    }

    private async Task<Attempt<HttpResponseMessage>> SendAuthorizedAsync(string path, CancellationToken cancellation)
    {
        if (_token is null && await LoginAsync(cancellation).ConfigureAwait(false) is { } loginError) return loginError;
        for (var renewed = false; ; renewed = true)
        {
            var token = _token;
            var sent = await SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return request;
            }, cancellation).ConfigureAwait(false);
            if (!sent.Succeeded) return sent;
            if (sent.Value.StatusCode != HttpStatusCode.Unauthorized || renewed) return sent;
            // The token expired mid-run: log in again once with the password held in memory.
            sent.Value.Dispose();
            if (await LoginAsync(cancellation).ConfigureAwait(false) is { } error) return error;
        }
    }

    private async Task<Attempt<HttpResponseMessage>> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellation)
    {
        try
        {
            using var message = request();
            var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
            return response;
        }
        catch (HttpRequestException e)
        {
            return new SyncError.CannotConnect(_credentials.Server.ToString(), e.Message);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException e)
        {
            return new SyncError.CannotConnect(_credentials.Server.ToString(), e.Message);
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            return new SyncError.CannotConnect(_credentials.Server.ToString(), "no answer in time");
        }
    }

    private async Task<Attempt<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellation, Reading<T>? reading = null)
    {
        var status = (int)response.StatusCode;
        byte[]? bytes = null;
        try
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized) return new SyncError.WrongPassword(_credentials.Email);
            if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound && _credentials.ClientEmail is { } client)
                return new SyncError.NoActiveContract(_credentials.Email, client);
            if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
                return new SyncError.CannotConnect(_credentials.Server.ToString(), $"Billing answered {status} after several attempts");
            if (!response.IsSuccessStatusCode)
            {
                var problem = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
                return new SyncError.BillingRefused(status, string.IsNullOrWhiteSpace(problem) ? $"{response.ReasonPhrase} at {response.RequestMessage?.RequestUri}" : Detail(problem));
            }
            bytes = await response.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
            var value = JsonSerializer.Deserialize<T>(bytes, reading?.Options ?? Json);
            return value is null ? new SyncError.UnreadableFeed("empty body") : value;
        }
        catch (JsonException e)
        {
            return new SyncError.UnreadableFeed(reading?.Describe is { } describe && bytes is not null ? describe(bytes, e) : "not JSON: " + e.Message);
        }
        catch (HttpRequestException e)
        {
            return new SyncError.UnreadableFeed("body cut short: " + e.Message);
        }
        catch (IOException e)
        {
            return new SyncError.UnreadableFeed("body cut short: " + e.Message);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return new SyncError.UnreadableFeed("body stalled");
        }
    }

    private static string Detail(string problemJson)
    {
        try
        {
            var problem = JsonSerializer.Deserialize<Problem>(problemJson, Json);
            return problem?.Detail ?? problem?.Title ?? problemJson;
        }
        catch (JsonException)
        {
            return problemJson.Length > 200 ? problemJson[..200] : problemJson;
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _services.Dispose();
    }
}
