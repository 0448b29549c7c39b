using System.Net;
using System.Text;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Pages;

/// <summary>
/// The reports' CSV download (a page: signed in with the session cookie) never hands a spreadsheet a formula: a
/// cell starting with = + - @ TAB or CR (OWASP's list) is prefixed with ', except a plain negative number.
/// </summary>
public sealed class ReportCsvTests(SqliteBilling fixture) : ApiTestBase<SqliteBilling>(fixture)
{
    private static readonly string[] Dangerous = ["=1+2", "+1+2", "-1+2", "@SUM(1)", "\t=1+2", "\r=HYPERLINK(\"http://x\")"];

    [Fact]
    public async Task Cells_that_a_spreadsheet_would_run_as_formulas_are_defused_in_both_reports()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var owner = await Api.ReadyAsync(billing);
        var customer = await owner.CustomerAsync();
        foreach (var reference in Dangerous)
        {
            var invoice = await owner.SentAsync(Api.Invoice(customer.Id) with { Reference = reference });
            await owner.OkAsync<PaymentDocument>(HttpMethod.Post, "api/v1/payments", new PaymentRequest(
                customer.Id, null, "1.00", null, PaymentMethods.Cash, null, null, reference, [new PaymentApplicationDocument(invoice.Id, "1.00")]));
        }

        using var browser = new PageClient(billing.BaseAddress);
        (await browser.SignInAsync(owner.Email, "correct horse battery")).Dispose();
        foreach (var report in new[] { "invoices", "payments" })
        {
            using var csv = await browser.GetAsync($"reports?handler=Csv&report={report}");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var text = await csv.Content.ReadAsStringAsync();
            foreach (var reference in Dangerous)
            {
                Assert.True(text.Contains("\"'" + reference.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", StringComparison.Ordinal), $"{report}: {reference.ReplaceLineEndings("\\r")} is not defused in\n{text}");
            }
        }
    }

    [Fact]
    public async Task Both_reports_download_as_utf8_behind_a_byte_order_mark_so_excel_shows_montreal_with_its_accent()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var owner = await Api.ReadyAsync(billing);
        var customer = await owner.CustomerAsync("Montréal Café");
        var invoice = await owner.SentAsync(Api.Invoice(customer.Id));
        await owner.PayAsync(customer.Id, "1.00", (invoice.Id, "1.00"));

        using var browser = new PageClient(billing.BaseAddress);
        (await browser.SignInAsync(owner.Email, "correct horse battery")).Dispose();
        foreach (var report in new[] { "invoices", "payments" })
        {
            using var csv = await browser.GetAsync($"reports?handler=Csv&report={report}");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", csv.Content.Headers.ContentType?.CharSet);
            var bytes = await csv.Content.ReadAsByteArrayAsync();
            Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, $"{report}: no byte order mark");
            Assert.Contains("Montréal Café", new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3), StringComparison.Ordinal);
        }
    }
}
