using System.Net;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Pages;

/// <summary>Forms of the invoice pages posted as a browser without JavaScript posts them: bad input is a message, never a 500.</summary>
public sealed class PageFormTests(SqliteBilling fixture) : ApiTestBase<SqliteBilling>(fixture)
{
    [Fact]
    public async Task A_payment_form_with_an_amount_or_date_that_is_none_shows_the_field_error_and_records_nothing()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var owner = await Api.ReadyAsync(billing);
        var customer = await owner.CustomerAsync();
        var invoice = await owner.SentAsync(Api.Invoice(customer.Id));
        using var browser = new PageClient(billing.BaseAddress);
        (await browser.SignInAsync(owner.Email, "correct horse battery")).Dispose();

        foreach (var (amount, date, expected) in new[]
                 {
                     ("1,00", "", "is not an amount"), ("1.00", "12/03/2026", "is not a date; write it as YYYY-MM-DD"),
                     ("5000.00", "", "a payment cannot apply more than is owing"),
                 })
        {
            using var posted = await browser.SubmitAsync($"invoices/{invoice.Id}?handler=Payment", new Dictionary<string, string>
            {
                ["amount"] = amount, ["date"] = date, ["method"] = PaymentMethods.Cash,
            });
            var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
            Assert.True(posted.StatusCode == HttpStatusCode.OK, $"{(int)posted.StatusCode}: {html[..Math.Min(html.Length, 400)]}");
            Assert.Contains(expected, html, StringComparison.Ordinal);
            Assert.DoesNotContain("applications[0]", html, StringComparison.Ordinal); // next to the field, not under the API's name
        }

        Assert.Empty((await owner.OkAsync<PaymentList>(HttpMethod.Get, "api/v1/payments")).Items);
    }

    [Fact]
    public async Task Editing_an_invoice_in_the_editor_keeps_the_contact_it_is_sent_to_and_refuses_a_date_that_is_none()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var owner = await Api.ReadyAsync(billing);
        var customer = await owner.CustomerAsync();
        var invoice = await owner.DraftAsync(Api.Invoice(customer.Id) with { ContactEmail = customer.Contacts[0].Email });
        Assert.NotNull(invoice.ContactEmail);
        using var browser = new PageClient(billing.BaseAddress);
        (await browser.SignInAsync(owner.Email, "correct horse battery")).Dispose();
        var fields = new Dictionary<string, string>
        {
            ["customerId"] = customer.Id, ["number"] = invoice.Number, ["date"] = "2026-03-02", ["dueDate"] = "2026-04-01", ["reference"] = "PO 7",
            ["lines[0].description"] = "Work", ["lines[0].quantity"] = "1", ["lines[0].unitPrice"] = "100.00",
        };

        using (var bad = await browser.SubmitAsync($"invoices/edit/{invoice.Id}", new Dictionary<string, string>(fields) { ["dueDate"] = "2026-13-45" }))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("is not a date", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Null((await owner.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{invoice.Id}")).Reference);
        using (var saved = await browser.SubmitAsync($"invoices/edit/{invoice.Id}", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var edited = await owner.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{invoice.Id}");
        Assert.Equal(("PO 7", invoice.ContactEmail), (edited.Reference, edited.ContactEmail));

        // A middle line cleared is removed; an error on a row after it is shown on that row, not the one before.
        var three = new Dictionary<string, string>(fields)
        {
            ["lines[0].description"] = "One", ["lines[1].description"] = "", ["lines[1].quantity"] = "", ["lines[1].unitPrice"] = "",
            ["lines[2].description"] = "Three", ["lines[2].quantity"] = "-1", ["lines[2].unitPrice"] = "5.00",
        };
        using (var refused = await browser.SubmitAsync($"invoices/edit/{invoice.Id}", three))
        {
            var page = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Matches("name=\"lines\\[2\\]\\.quantity\" value=\"-1\"[^>]*>\\s*<[^>]*class=\"error", page);
        }

        using (var removed = await browser.SubmitAsync($"invoices/edit/{invoice.Id}", new Dictionary<string, string>(three) { ["lines[2].quantity"] = "2" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        Assert.Equal<string?>(["One", "Three"], (await owner.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{invoice.Id}")).Lines.Select(l => l.Description));

        // A row missing altogether (its Remove button took it out of the page) is no line either; the rows after it are read.
        var gap = new Dictionary<string, string>(fields)
        {
            ["lines[0].description"] = "First", ["lines[2].description"] = "Third", ["lines[2].quantity"] = "1", ["lines[2].unitPrice"] = "5.00",
        };
        using (var skipped = await browser.SubmitAsync($"invoices/edit/{invoice.Id}", gap))
        {
            Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
        }

        Assert.Equal<string?>(["First", "Third"], (await owner.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{invoice.Id}")).Lines.Select(l => l.Description));

        // The blank rows offered for more lines tick every tax, as a new line does (a line typed there was saved untaxed).
        using var editor = await browser.GetAsync($"invoices/edit/{invoice.Id}");
        var html = await editor.Content.ReadAsStringAsync();
        Assert.Matches("<input type=\"checkbox\" name=\"lines\\[2\\]\\.taxes\" value=\"GST\"[^>]*checked", html); // rows 0 and 1 hold its two lines
    }
}
