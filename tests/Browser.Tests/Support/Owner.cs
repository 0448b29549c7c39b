using System.Net.Http.Json;
using System.Text.Json;
using BillingBooks.Billing.Contracts;

namespace BillingBooks.Browser.Tests.Support;

/// <summary>Sets up an account's books through the API (profile ready to send, a customer, an invoice).</summary>
public static class Owner
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task CompleteProfileAsync(HttpClient api, string company)
    {
        using var profile = await api.PutAsJsonAsync("api/v1/profile", new ProfileDocument(
            company, null, new Address("1 Main St", null, "Ottawa", "ON", "K1A 0A1", "CA"), null, null, null, null, "CAD", null, null,
            [new TaxDefinition("HST", "13", true, null)]), Web);
        profile.EnsureSuccessStatusCode();
    }

    public static async Task<CustomerResponse> AddCustomerAsync(HttpClient api, string name, string email)
    {
        using var created = await api.PostAsJsonAsync("api/v1/customers", new CustomerRequest(
            name, null, null, null, null, null, "CAD", [new ContactDocument("Pat", "Doe", email, null, true)], null), Web);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<CustomerResponse>(Web))!;
    }

    public static async Task<InvoiceResponse> AddInvoiceAsync(HttpClient api, string customerId, string price)
    {
        using var created = await api.PostAsJsonAsync("api/v1/invoices", new InvoiceRequest(
            customerId, null, null, null, null, null, null, null, null, null, [new InvoiceLineRequest("Work", "Hours", "1", price, null)]), Web);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<InvoiceResponse>(Web))!;
    }
}
