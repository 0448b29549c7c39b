using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Reports;

/// <summary>The reports' JSON keeps to RFC 8259: no byte order mark (only the CSV files carry one, for Excel).</summary>
public sealed class ReportJsonTests(SqliteBilling fixture) : ApiTestBase<SqliteBilling>(fixture)
{
    [Fact]
    public async Task Report_json_starts_with_its_brace_not_a_byte_order_mark()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var owner = await Api.ReadyAsync(billing);
        var customer = await owner.CustomerAsync("Montréal Café");
        var invoice = await owner.SentAsync(Api.Invoice(customer.Id));
        await owner.PayAsync(customer.Id, "1.00", (invoice.Id, "1.00"));
        foreach (var report in new[] { "invoices", "payments" })
        {
            using var response = await owner.SendAsync(HttpMethod.Get, $"api/v1/reports/{report}");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal((byte)'{', bytes[0]);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
