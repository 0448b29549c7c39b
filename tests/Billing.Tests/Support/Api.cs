using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;

namespace BillingBooks.Billing.Tests.Support;

/// <summary>A signed-in account in a running Billing, with shortcuts for the usual requests.</summary>
public sealed class Api(HttpClient client, string accountId, string email) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Client { get; } = client;

    public string AccountId { get; } = accountId;

    public string Email { get; } = email;

    public static async Task<Api> SignUpAsync(BillingProcess billing, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(billing);
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var (client, account) = await BillingApi.SignUpAsync(billing.BaseAddress, email).ConfigureAwait(false);
        return new Api(client, account, email);
    }

    /// <summary>Signs up with a complete Quebec profile (GST 5 + QST 9.975) so invoices can be sent.</summary>
    public static async Task<Api> ReadyAsync(BillingProcess billing)
    {
        var api = await SignUpAsync(billing).ConfigureAwait(false);
        await api.OkAsync<ProfileDocument>(HttpMethod.Put, "api/v1/profile", Profile()).ConfigureAwait(false);
        return api;
    }

    public static ProfileDocument Profile(IReadOnlyList<TaxDefinition>? taxes = null) => new(
        "Acme Ltée", "Ann", new Address("1 rue Principale", null, "Montréal", "QC", "H2X 1Y4", "CA"), null, null, null, "America/Toronto", "CAD", null, null,
        taxes ?? [new TaxDefinition("GST", "5", true, null), new TaxDefinition("QST", "9.975", true, null)]);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? dataset = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = body is string raw
                ? new StringContent(raw, Encoding.UTF8, "application/json")
                : JsonContent.Create(body, body.GetType(), options: Json);
        }

        if (dataset is not null)
        {
            request.Headers.Add("Billing-Dataset", dataset);
        }

        return await Client.SendAsync(request).ConfigureAwait(false);
    }

    /// <summary>Sends and expects 2xx; the failure message shows the problem body.</summary>
    public async Task<T> OkAsync<T>(HttpMethod method, string path, object? body = null, string? dataset = null)
    {
        using var response = await SendAsync(method, path, body, dataset).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>Sends and expects exactly <paramref name="status"/> with a problem+json body.</summary>
    public async Task<Problem> ProblemAsync(HttpStatusCode status, HttpMethod method, string path, object? body = null, string? dataset = null)
    {
        using var response = await SendAsync(method, path, body, dataset).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        Assert.True(status == response.StatusCode, $"{method} {path}: expected {(int)status}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<Problem>(text, Json)!;
    }

    public Task<CustomerResponse> CustomerAsync(string? name = null, string? currency = null, IReadOnlyList<TaxDefinition>? taxes = null) =>
        OkAsync<CustomerResponse>(HttpMethod.Post, "api/v1/customers", new CustomerRequest(
            name ?? $"Customer {Guid.NewGuid():N}", null, null, null, null, null, currency,
            [new ContactDocument("Zoé", "Côté", "zoe@example.com", null, true)], taxes));

    public static InvoiceRequest Invoice(string customerId, params InvoiceLineRequest[] lines) =>
        new(customerId, null, null, null, null, null, null, null, null, null, lines.Length > 0 ? lines : [Line("1", "100.00")]);

    public static InvoiceLineRequest Line(string quantity, string price, params string[] taxes) =>
        new(null, "Work", quantity, price, taxes.Length == 0 ? null : taxes);

    public Task<InvoiceResponse> DraftAsync(InvoiceRequest invoice) => OkAsync<InvoiceResponse>(HttpMethod.Post, "api/v1/invoices", invoice);

    public async Task<InvoiceResponse> SentAsync(InvoiceRequest invoice)
    {
        var draft = await DraftAsync(invoice).ConfigureAwait(false);
        return await OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/invoices/{draft.Id}/mark-sent").ConfigureAwait(false);
    }

    public Task<PaymentDocument> PayAsync(string customerId, string amount, params (string InvoiceId, string Amount)[] applications) =>
        OkAsync<PaymentDocument>(HttpMethod.Post, "api/v1/payments", new PaymentRequest(
            customerId, null, amount, null, PaymentMethods.Cash, null, null, null,
            applications.Select(a => new PaymentApplicationDocument(a.InvoiceId, a.Amount)).ToArray()));

    /// <summary>Reads the whole feed of <paramref name="dataset"/> (default: own) from <paramref name="after"/>.</summary>
    public async Task<List<Change>> FeedAsync(string? dataset = null, string after = "0", int limit = 1000)
    {
        var all = new List<Change>();
        while (true)
        {
            var page = await OkAsync<ChangePage>(HttpMethod.Get, $"api/v1/datasets/{dataset ?? AccountId}/changes?after={after}&limit={limit}").ConfigureAwait(false);
            all.AddRange(page.Items);
            after = page.Next;
            if (!page.HasMore)
            {
                return all;
            }
        }
    }

    public void Dispose() => Client.Dispose();
}
