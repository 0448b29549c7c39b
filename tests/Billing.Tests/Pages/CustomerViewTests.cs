using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Pages;

/// <summary>The customer's view from the email's secret link (SPEC 1.5), read over HTTP as the customer reads it.</summary>
public sealed partial class CustomerViewTests(SqliteBilling fixture) : ApiTestBase<SqliteBilling>(fixture)
{
    [Fact]
    public async Task A_quote_is_called_a_quote_valid_until_and_shows_the_customer_the_reference_and_its_discount_as_the_pdf_does()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var owner = await Api.ReadyAsync(billing);
        var customer = await CustomerAsync(owner);
        var quote = await owner.OkAsync<InvoiceResponse>(HttpMethod.Post, "api/v1/quotes",
            Api.Invoice(customer.Id) with { Reference = "PO 4471", Discount = new DiscountRequest("amount", "10.00") });
        var html = await ViewAsync(billing, await SendAsync(owner, "quotes", quote.Id));

        Assert.Contains($"<title>Quote {quote.Number} from Acme Ltée", html, StringComparison.Ordinal);
        Assert.Contains("Valid until", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Due", html, StringComparison.Ordinal);
        foreach (var shown in new[] { "Café Zoé", "9 rue Sainte-Catherine", "Montréal QC H3B 1A1", "PO 4471", "-10.00 CAD" })
        {
            Assert.Contains(shown, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_invoice_changed_after_it_was_sent_says_so_and_once_void_the_link_says_who_cancelled_it_and_whom_to_ask()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var owner = await Api.ReadyAsync(billing);
        var customer = await CustomerAsync(owner);
        var invoice = await owner.DraftAsync(Api.Invoice(customer.Id));
        var link = await SendAsync(owner, "invoices", invoice.Id);
        Assert.DoesNotContain("was changed", await ViewAsync(billing, link), StringComparison.Ordinal);

        await owner.OkAsync<InvoiceResponse>(HttpMethod.Put, $"api/v1/invoices/{invoice.Id}", Api.Invoice(customer.Id, Api.Line("2", "100.00")));
        var today = (await owner.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{invoice.Id}")).Date; // the profile's today
        Assert.Contains($"This invoice was changed on {today:yyyy-MM-dd} after it was sent to you", await ViewAsync(billing, link), StringComparison.Ordinal);

        await owner.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/invoices/{invoice.Id}/void");
        await AssertGoneAsync(billing, link, $"This invoice is no longer available: Acme Ltée cancelled it. Please contact them at {owner.Email}.");
    }

    [Fact]
    public async Task A_deleted_invoice_or_quote_behind_a_link_is_a_short_page_saying_so_not_an_empty_404()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var owner = await Api.ReadyAsync(billing);
        var customer = await CustomerAsync(owner);
        var invoice = await owner.DraftAsync(Api.Invoice(customer.Id));
        var quote = await owner.OkAsync<InvoiceResponse>(HttpMethod.Post, "api/v1/quotes", Api.Invoice(customer.Id));
        var invoiceLink = await SendAsync(owner, "invoices", invoice.Id);
        var quoteLink = await SendAsync(owner, "quotes", quote.Id);
        foreach (var (path, id) in new[] { ("invoices", invoice.Id), ("quotes", quote.Id) })
        {
            using var deleted = await owner.SendAsync(HttpMethod.Delete, $"api/v1/{path}/{id}");
            Assert.True(deleted.IsSuccessStatusCode, $"DELETE {path}/{id}: {(int)deleted.StatusCode}");
        }

        await AssertGoneAsync(billing, invoiceLink, $"This invoice is no longer available: Acme Ltée cancelled it. Please contact them at {owner.Email}.");
        await AssertGoneAsync(billing, quoteLink, $"This quote is no longer available: Acme Ltée cancelled it. Please contact them at {owner.Email}.");
    }

    private static async Task AssertGoneAsync(Testing.BillingProcess billing, string link, string expected)
    {
        using var client = new HttpClient { BaseAddress = billing.BaseAddress };
        foreach (var path in new[] { link, link + "?handler=Pdf" })
        {
            using var gone = await client.GetAsync(new Uri(path, UriKind.Relative));
            var html = WebUtility.HtmlDecode(await gone.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            Assert.Equal("text/html", gone.Content.Headers.ContentType?.MediaType);
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }
    }

    private static Task<CustomerResponse> CustomerAsync(Api owner) =>
        owner.OkAsync<CustomerResponse>(HttpMethod.Post, "api/v1/customers", new CustomerRequest(
            $"Café Zoé {Guid.NewGuid():N}", new Address("9 rue Sainte-Catherine", null, "Montréal", "QC", "H3B 1A1", "CA"), null, null, null, null, null,
            [new ContactDocument("Zoé", "Côté", "zoe@example.com", null, true)], null));

    /// <summary>Sends to a recipient of its own and returns the link of the mail it got ("view/...").</summary>
    private async Task<string> SendAsync(Api owner, string path, string id)
    {
        var recipient = $"view-{Guid.NewGuid():N}@client.example";
        using (var sent = await owner.Client.PostAsJsonAsync($"api/v1/{path}/{id}/send", new { recipients = new[] { recipient }, attachPdf = false, sendCopy = false }))
        {
            Assert.True(sent.IsSuccessStatusCode, $"send {path}/{id}: {(int)sent.StatusCode} {await sent.Content.ReadAsStringAsync()}");
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            foreach (var file in Directory.GetFiles(Fixture.MailFolder, "*.eml"))
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == recipient) && ViewLink().Match(message.TextBody ?? "") is { Success: true } link)
                {
                    return link.Value;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"no mail to {recipient}");
            await Task.Delay(100);
        }
    }

    private static async Task<string> ViewAsync(Testing.BillingProcess billing, string link)
    {
        using var client = new HttpClient { BaseAddress = billing.BaseAddress };
        using var page = await client.GetAsync(new Uri(link, UriKind.Relative));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {link}: {(int)page.StatusCode} {html}");
        return html;
    }

    [GeneratedRegex("view/[A-Za-z0-9_-]+")]
    private static partial Regex ViewLink();
}
