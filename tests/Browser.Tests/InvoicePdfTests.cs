using System.Net;
using System.Net.Http.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Browser.Tests.Support;
using UglyToad.PdfPig;

namespace BillingBooks.Browser.Tests;

/// <summary>GET /api/v1/invoices/{id}/pdf read back with PdfPig: the currency's own decimals, every tax, and long invoices on several pages.</summary>
public class InvoicePdfTests
{
    [Fact]
    public async Task A_long_yen_invoice_prints_whole_yen_on_several_pages_with_each_tax_and_the_owing()
    {
        await using var billing = await BillingProcess.StartAsync();
        var (api, _) = await BillingApi.SignUpAsync(billing.BaseAddress, "yen@example.com");
        using var __ = api;
        await Owner.CompleteProfileAsync(api, "Sakura Trading");
        using var created = await api.PostAsJsonAsync("api/v1/customers", new CustomerRequest(
            "Tokyo Kaisha", new Address("1-1 Marunouchi", null, "Tokyo", null, null, "JP"), null, null, null, null, "JPY", [],
            [new TaxDefinition("CT", "10", true, null), new TaxDefinition("Local", "2.5", true, "CT")]), Owner.Web);
        var customer = (await created.Content.ReadFromJsonAsync<CustomerResponse>(Owner.Web))!;
        var lines = Enumerable.Range(1, 80).Select(i => new InvoiceLineRequest("Item " + i, "Part number " + i, "1", "1500", null)).ToArray();
        using var posted = await api.PostAsJsonAsync("api/v1/invoices", new InvoiceRequest(
            customer.Id, "JP-7", null, null, "PO 42", null, null, new DiscountRequest("amount", "1000"), "Arigato.", null, lines), Owner.Web);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var invoice = (await posted.Content.ReadFromJsonAsync<InvoiceResponse>(Owner.Web))!;

        using var pdf = await api.GetAsync(new Uri($"api/v1/invoices/{invoice.Id}/pdf", UriKind.Relative));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invoice-JP-7.pdf", pdf.Content.Headers.ContentDisposition?.FileName);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        Assert.True(document.NumberOfPages >= 2, $"{document.NumberOfPages} page(s) for 80 lines");
        var text = InvoicingFlowTests.PdfText(await pdf.Content.ReadAsByteArrayAsync());
        // 80 x 1,500 = 120,000; less 1,000 = 119,000; CT 11,900; Local 2.5% of (119,000 + 11,900) = 3,272.5 -> 3,273.
        foreach (var expected in new[] { "Sakura Trading", "Tokyo Kaisha", "JP-7", "PO 42", "Item 80", "120,000 JPY", "-1,000 JPY", "CT 10%", "11,900 JPY", "Local 2.5%", "3,273 JPY", "134,173 JPY", "Amount owing", "Arigato." })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.Equal("134173", invoice.Total);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri("api/v1/invoices/999999/pdf", UriKind.Relative))).StatusCode);
    }
}
