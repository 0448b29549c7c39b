using System.Net;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Pages;

/// <summary>The quote pages speak of quotes, and name the invoice a quote became by its number, never its internal id.</summary>
public sealed class QuotePageTests(SqliteBilling fixture) : ApiTestBase<SqliteBilling>(fixture)
{
    [Fact]
    public async Task A_converted_quote_names_and_links_its_invoice_by_number_and_quote_pages_say_quote_and_owe_nothing()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var owner = await Api.ReadyAsync(billing);
        var customer = await owner.CustomerAsync();
        await owner.DraftAsync(Api.Invoice(customer.Id) with { Number = "700" });
        var quote = await owner.OkAsync<InvoiceResponse>(HttpMethod.Post, "api/v1/quotes", Api.Invoice(customer.Id));
        await owner.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/quotes/{quote.Id}/mark-sent");
        var invoice = await owner.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/quotes/{quote.Id}/convert");
        Assert.Equal("701", invoice.Number);
        Assert.NotEqual(invoice.Number, invoice.Id); // else the message could name the id and pass

        var again = await owner.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"api/v1/quotes/{quote.Id}/convert");
        Assert.Equal("This quote was converted already (invoice 701).", again.Detail);

        using var browser = new PageClient(billing.BaseAddress);
        (await browser.SignInAsync(owner.Email, "correct horse battery")).Dispose();
        var page = await HtmlAsync(browser, $"quotes/{quote.Id}");
        Assert.Contains($"Converted to <a href=\"/invoices/{invoice.Id}\" id=\"converted-invoice\">invoice 701</a>.", page, StringComparison.Ordinal);

        var draft = await owner.OkAsync<InvoiceResponse>(HttpMethod.Post, "api/v1/quotes", Api.Invoice(customer.Id));
        var draftPage = await HtmlAsync(browser, $"quotes/{draft.Id}");
        Assert.Contains("data-confirm=\"Delete this quote?", draftPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Delete this invoice", draftPage, StringComparison.Ordinal);

        var list = await HtmlAsync(browser, "quotes");
        Assert.Contains("<th>Number</th>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Owing", list, StringComparison.Ordinal);
        Assert.Contains("<th class=\"num\">Owing</th>", await HtmlAsync(browser, "invoices"), StringComparison.Ordinal);
    }

    private static async Task<string> HtmlAsync(PageClient browser, string path)
    {
        using var page = await browser.GetAsync(path);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)page.StatusCode} {html[..Math.Min(400, html.Length)]}");
        return html;
    }
}
