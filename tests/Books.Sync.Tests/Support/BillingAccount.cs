using System.Net.Http.Json;
using System.Text.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;

namespace BillingBooks.Books.Sync.Tests.Support;

/// <summary>A signed-up Billing account driven over its real HTTP API: profile, customers, invoices, payments.</summary>
public sealed class BillingAccount(HttpClient client, string email, string password, string accountId) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static int _counter;

    public string Email { get; } = email;

    public string Password { get; } = password;

    public string AccountId { get; } = accountId;

    public HttpClient Client { get; } = client;

    public static async Task<BillingAccount> SignUpAsync(Uri server, string? name = null, bool taxes = true)
    {
        var email = $"{name ?? "owner"}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}@example.test";
        const string password = "correct horse battery";
        var (client, accountId) = await BillingApi.SignUpAsync(server, email, password, "Acme Ltd");
        var account = new BillingAccount(client, email, password, accountId);
        await account.SendAsync<ProfileDocument>(HttpMethod.Put, "api/v1/profile", new ProfileDocument(
            "Acme Ltd", "Ann Owner", new Address("1 Main St", null, "Halifax", "NS", "B3H 1A1", "CA"), null, null, null, "America/Halifax", "CAD", null, null,
            taxes ? [new TaxDefinition("GST", "5", true, null), new TaxDefinition("PST", "7", true, null)] : []));
        return account;
    }

    public Task<CustomerResponse> AddCustomerAsync(string name, string currency = "CAD", IReadOnlyList<TaxDefinition>? taxes = null) =>
        SendAsync<CustomerResponse>(HttpMethod.Post, "api/v1/customers", new CustomerRequest(name, new Address("2 Side St", null, "Halifax", "NS", "B3H 2B2", "CA"),
            "902-555-0100", null, null, "en", currency, [new ContactDocument("Pat", "Buyer", "pat@example.test", null, true)], taxes));

    public Task<CustomerResponse> RenameCustomerAsync(CustomerResponse customer, string name) =>
        SendAsync<CustomerResponse>(HttpMethod.Put, $"api/v1/customers/{customer.Id}", new CustomerRequest(name, customer.Address, customer.Phone, customer.Fax,
            customer.Website, customer.Language, customer.Currency, customer.Contacts, customer.Taxes));

    public Task DeleteCustomerAsync(string id) => SendAsync<object>(HttpMethod.Delete, $"api/v1/customers/{id}", null);

    /// <summary>Creates an invoice and marks it sent (drafts are not in the feed).</summary>
    public async Task<InvoiceResponse> InvoiceAsync(string customerId, DateOnly date, params InvoiceLineRequest[] lines) =>
        await InvoiceAsync(customerId, date, null, null, lines);

    public async Task<InvoiceResponse> InvoiceAsync(string customerId, DateOnly date, string? currency, DiscountRequest? discount, params InvoiceLineRequest[] lines)
    {
        var draft = await SendAsync<InvoiceResponse>(HttpMethod.Post, "api/v1/invoices", new InvoiceRequest(customerId, null, date, date.AddDays(30), null, null, currency, discount, null, null, lines));
        return await SendAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/invoices/{draft.Id}/mark-sent", null);
    }

    public Task<InvoiceResponse> EditInvoiceAsync(InvoiceResponse invoice, params InvoiceLineRequest[] lines) => RedateInvoiceAsync(invoice, invoice.Date, lines);

    /// <summary>Edits an invoice's date and lines (the rest as it was).</summary>
    public Task<InvoiceResponse> RedateInvoiceAsync(InvoiceResponse invoice, DateOnly date, params InvoiceLineRequest[] lines) =>
        SendAsync<InvoiceResponse>(HttpMethod.Put, $"api/v1/invoices/{invoice.Id}", new InvoiceRequest(invoice.CustomerId, invoice.Number, date, invoice.DueDate,
            invoice.Reference, invoice.Description, invoice.Currency, invoice.DiscountRule, invoice.Comments, invoice.ContactEmail, lines));

    public Task<InvoiceResponse> VoidInvoiceAsync(string id) => SendAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/invoices/{id}/void", null);

    public Task DeleteInvoiceAsync(string id) => SendAsync<object>(HttpMethod.Delete, $"api/v1/invoices/{id}", null);

    public Task<PaymentDocument> PayAsync(InvoiceResponse invoice, string amount, DateOnly date, string method = PaymentMethods.Cash, string? brand = null) =>
        SendAsync<PaymentDocument>(HttpMethod.Post, "api/v1/payments", new PaymentRequest(invoice.CustomerId, date, amount, invoice.Currency, method, brand,
            method == PaymentMethods.Cheque ? "101" : null, null, [new PaymentApplicationDocument(invoice.Id, amount)]));

    /// <summary>Re-dates a payment (Billing keeps its amount and applications).</summary>
    public Task<PaymentDocument> RedatePaymentAsync(PaymentDocument payment, DateOnly date) =>
        SendAsync<PaymentDocument>(HttpMethod.Put, $"api/v1/payments/{payment.Id}", new PaymentRequest(payment.CustomerId, date, payment.Amount, payment.Currency,
            payment.Method, payment.CardBrand, payment.ChequeNumber, payment.Reference, payment.Applications));

    /// <summary>
    /// Dates a payment before its invoice, which Billing's API now refuses, straight in <paramref name="billing"/>'s
    /// database: such payments remain in accounts that took them before the rule.
    /// </summary>
    public static void BackdateInDatabase(BillingProcess billing, PaymentDocument payment, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(billing);
        ArgumentNullException.ThrowIfNull(payment);
        var path = ((BillingDatabase.Sqlite)billing.Database).Path;
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE payments SET date = $date, doc = json_set(doc, '$.date', $date) WHERE id = $id;" +
            "UPDATE feed SET doc = json_set(doc, '$.date', $date) WHERE kind = 'payment' AND record_id = $id;";
        command.Parameters.AddWithValue("$date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$id", long.Parse(payment.Id, System.Globalization.CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    public Task DeletePaymentAsync(string id) => SendAsync<object>(HttpMethod.Delete, $"api/v1/payments/{id}", null);

    public Task<Invitation> InviteAsync(string bookkeeperEmail) =>
        SendAsync<Invitation>(HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(bookkeeperEmail));

    /// <summary>Accepts with the token of the link mailed to this account's email by <paramref name="billing"/>.</summary>
    public async Task<Invitation> AcceptAsync(BillingProcess billing) =>
        await SendAsync<Invitation>(HttpMethod.Post, "api/v1/clients/accept", new InvitationToken(await Mailbox.InvitationTokenAsync(billing.MailFolder!, Email)));

    public Task<Invitation> EndContractAsync(string invitationId) => SendAsync<Invitation>(HttpMethod.Post, $"api/v1/bookkeepers/{invitationId}/end", null);

    public static InvoiceLineRequest Line(string description, string quantity, string price, params string[] taxes) =>
        new(null, description, quantity, price, taxes);

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default! : JsonSerializer.Deserialize<T>(text, Json)!;
    }

    public void Dispose() => Client.Dispose();
}
