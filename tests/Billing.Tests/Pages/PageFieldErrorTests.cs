using System.Net;
using System.Text.RegularExpressions;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Pages;

/// <summary>
/// The API's field errors on every form that shows them: next to the input they are about, in the page's words
/// ("Line 2: ...", "Recipient 2: ..."), and never under the API's JSON paths or endpoints in the banner.
/// </summary>
public sealed partial class PageFieldErrorTests(SqliteBilling fixture) : ApiTestBase<SqliteBilling>(fixture)
{
    [GeneratedRegex("<p class=\"message\" role=\"alert\"[^>]*>(?<text>[^<]*)</p>")]
    private static partial Regex Banner();

    /// <summary>
    /// An API path ("recipients[1]", "lines[1].quantity", "template.customerId", "contactEmail:") or endpoint; not the
    /// domain of an address (name@example.com) nor "e.g.".
    /// </summary>
    [GeneratedRegex(@"(?<![@.])\b[a-z][A-Za-z]+(\[\d+\]|\.[a-z][A-Za-z]+)|\b[a-z]+[A-Z][A-Za-z]*:|/api/|/openapi")]
    private static partial Regex ApiWords();

    private static async Task<string> PageOf(HttpResponseMessage posted)
    {
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        Assert.True(posted.StatusCode == HttpStatusCode.OK, $"{(int)posted.StatusCode}: {html[..Math.Min(html.Length, 400)]}");
        var banner = Banner().Match(html);
        Assert.True(banner.Success, "no banner: " + html[..Math.Min(html.Length, 400)]);
        Assert.DoesNotMatch(ApiWords(), banner.Groups["text"].Value);
        return html;
    }

    /// <summary>The error shown next to the form field <paramref name="name"/> (the span its input is described by).</summary>
    private static string ErrorOf(string html, string name)
    {
        var id = "f-" + name.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal) + "-error";
        var match = Regex.Match(html, $"id=\"{Regex.Escape(id)}\">(?<text>[^<]*)<");
        Assert.True(match.Success, $"no error next to {name} in: {Banner().Match(html).Value} {string.Join(" | ", Regex.Matches(html, "class=\"error\"[^>]*>[^<]*").Select(m => m.Value))}");
        Assert.DoesNotMatch(ApiWords(), match.Groups["text"].Value);
        return match.Groups["text"].Value;
    }

    private async Task<(Api Owner, PageClient Browser)> SignedInAsync(Testing.BillingProcess billing)
    {
        var owner = await Api.ReadyAsync(billing);
        var browser = new PageClient(billing.BaseAddress);
        (await browser.SignInAsync(owner.Email, "correct horse battery")).Dispose();
        return (owner, browser);
    }

    [Fact]
    public async Task The_invoice_editor_shows_each_line_error_on_its_row_named_by_the_line_number()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (owner, browser) = await SignedInAsync(billing);
        using var _ = owner;
        using var __ = browser;
        var customer = await owner.CustomerAsync();
        using (var posted = await browser.SubmitAsync("invoices/edit", new Dictionary<string, string>
               {
                   ["customerId"] = customer.Id,
                   ["lines[0].description"] = "Taxed", ["lines[0].quantity"] = "1", ["lines[0].unitPrice"] = "10.00", ["lines[0].taxes"] = "VAT",
                   ["lines[1].description"] = "Negative", ["lines[1].quantity"] = "-1", ["lines[1].unitPrice"] = "10.00",
                   ["lines[2].description"] = "Comma", ["lines[2].quantity"] = "2", ["lines[2].unitPrice"] = "1,00",
                   ["lines[3].description"] = "Huge", ["lines[3].quantity"] = "1000", ["lines[3].unitPrice"] = "5000.00",
               }))
        {
            var html = await PageOf(posted);
            Assert.StartsWith("Line 1: 'VAT' is not one of this invoice's taxes", ErrorOf(html, "lines[0].taxes"), StringComparison.Ordinal);
            Assert.StartsWith("Line 2: a quantity cannot be negative", ErrorOf(html, "lines[1].quantity"), StringComparison.Ordinal);
            var price = ErrorOf(html, "lines[2].unitPrice");
            Assert.StartsWith("Line 3: '1,00' is not an amount", price, StringComparison.Ordinal);
            Assert.DoesNotContain("as a string", price, StringComparison.Ordinal);
            Assert.DoesNotContain("\"", price, StringComparison.Ordinal);
            Assert.StartsWith("Line 4: a line's amount must be below 1,000,000", ErrorOf(html, "lines[3]"), StringComparison.Ordinal);
            Assert.Matches("name=\"lines\\[1\\]\\.quantity\" value=\"-1\"[^>]*aria-invalid=\"true\"", html);
        }

        using (var posted = await browser.SubmitAsync("invoices/edit", new Dictionary<string, string>
               {
                   ["customerId"] = "", ["lines[0].description"] = "Work", ["lines[0].quantity"] = "1", ["lines[0].unitPrice"] = "10.00",
               }))
        {
            Assert.StartsWith("an invoice needs a customer", ErrorOf(await PageOf(posted), "customerId"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_send_and_repeat_dialogs_show_a_refused_address_next_to_its_box()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (owner, browser) = await SignedInAsync(billing);
        using var _ = owner;
        using var __ = browser;
        var customer = await owner.CustomerAsync();
        var invoice = await owner.DraftAsync(Api.Invoice(customer.Id));

        // No contact ticked, one other address that is none.
        using (var sent = await browser.SubmitAsync($"invoices/{invoice.Id}?handler=Send", new Dictionary<string, string>
               {
                   ["otherRecipients"] = "not-an-address", ["subject"] = "Invoice",
               }))
        {
            Assert.Contains("'not-an-address' is not an email address", ErrorOf(await PageOf(sent), "recipients"), StringComparison.Ordinal);
        }

        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using (var repeated = await browser.SubmitAsync($"invoices/{invoice.Id}?handler=Repeat", new Dictionary<string, string>
               {
                   ["frequency"] = "monthly", ["startDate"] = start, ["autoSend"] = "ok@example.com, bad",
               }))
        {
            Assert.StartsWith("Recipient 2: 'bad' is not an email address", ErrorOf(await PageOf(repeated), "autoSend"), StringComparison.Ordinal);
        }

        // The recurring invoice's own page, with its addresses in one box too.
        var schedule = await owner.OkAsync<RecurringResponse>(HttpMethod.Post, "api/v1/recurring", new RecurringRequest(
            Api.Invoice(customer.Id), "monthly", DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), null, []));
        using (var edited = await browser.SubmitAsync($"recurring/{schedule.Id}", new Dictionary<string, string>
               {
                   ["frequency"] = "monthly", ["recipients"] = "bad; ok@example.com; worse",
               }))
        {
            var html = await PageOf(edited);
            var error = ErrorOf(html, "recipients");
            Assert.Contains("Recipient 1: 'bad' is not an email address", error, StringComparison.Ordinal);
            Assert.Contains("Recipient 3: 'worse' is not an email address", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Customer_contacts_and_taxes_and_the_profiles_taxes_show_errors_on_their_rows()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (owner, browser) = await SignedInAsync(billing);
        using var _ = owner;
        using var __ = browser;
        var taxes = new Dictionary<string, string>
        {
            ["taxes[0].name"] = "GST", ["taxes[0].rate"] = "5",
            ["taxes[1].enabled"] = "true", ["taxes[1].name"] = "QST", ["taxes[1].rate"] = "9.975", ["taxes[1].chargedOn"] = "GST",
        };
        using (var customer = await browser.SubmitAsync("customers/new", new Dictionary<string, string>(taxes)
               {
                   ["name"] = "Rows Client", ["ownTaxes"] = "true",
                   ["contacts[0].firstName"] = "Ann", ["contacts[0].phone"] = new string('5', 256),
                   ["contacts[1].firstName"] = "Bob", ["contacts[1].email"] = "bob-at-example",
               }))
        {
            var html = await PageOf(customer);
            Assert.StartsWith("Contact 1: at most 255 characters", ErrorOf(html, "contacts[0].phone"), StringComparison.Ordinal);
            Assert.StartsWith("Contact 2: 'bob-at-example' is not an email address", ErrorOf(html, "contacts[1].email"), StringComparison.Ordinal);
            Assert.StartsWith("Tax 2: 'GST' is not enabled; enable it or leave 'Charged on' empty", ErrorOf(html, "taxes[1].chargedOn"), StringComparison.Ordinal);
        }

        using (var profile = await browser.SubmitAsync("profile", new Dictionary<string, string>(taxes) { ["companyName"] = "Rows Co" }))
        {
            Assert.StartsWith("Tax 2: 'GST' is not enabled", ErrorOf(await PageOf(profile), "taxes[1].chargedOn"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sign_up_and_bookkeeper_invitations_say_their_errors_without_the_apis_endpoints()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (owner, browser) = await SignedInAsync(billing);
        using var _ = owner;
        using var __ = browser;
        using (var invited = await browser.SubmitAsync("bookkeepers?handler=Invite", new Dictionary<string, string> { ["email"] = owner.Email }))
        {
            Assert.Contains("you cannot invite yourself", ErrorOf(await PageOf(invited), "email"), StringComparison.Ordinal);
        }

        using var stranger = new PageClient(billing.BaseAddress, new Dictionary<string, string> { ["X-Forwarded-For"] = "192.0.2.44" });
        using var signup = await stranger.SubmitAsync("signup", new Dictionary<string, string> { ["email"] = owner.Email, ["password"] = "another good password" });
        Assert.StartsWith("An account with this email exists; sign in or use another email", ErrorOf(await PageOf(signup), "email"), StringComparison.Ordinal);
    }
}
