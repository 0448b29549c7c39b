using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BillingBooks.Billing.Testing;
using BillingBooks.Browser.Tests.Support;

namespace BillingBooks.Browser.Tests;

/// <summary>The customer's secret link (SPEC 1.5), the send endpoint's mail and the pages' security headers, over real HTTP and SMTP.</summary>
public partial class CustomerLinkTests
{
    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/view/[A-Za-z0-9_-]+")]
    private static partial Regex Link();

    private static async Task<string> SendAsync(HttpClient api, MailCatcher mail, string invoiceId, int nth)
    {
        using var sent = await api.PostAsJsonAsync($"api/v1/invoices/{invoiceId}/send", new { recipients = new[] { "pat@client.example" }, attachPdf = false, sendCopy = false }, Owner.Web);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var caught = await mail.WaitForAsync(nth);
        return Link().Match(caught.Message.TextBody ?? "").Value;
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_link_opens_its_invoice_until_it_is_voided_or_deleted_and_a_forged_one_never(string database)
    {
        await using var pg = database == "postgres" ? await TestPostgres.CreateDatabaseAsync() : null;
        if (database == "postgres" && pg is null)
        {
            Console.WriteLine(TestPostgres.MissingMessage);
            return;
        }

        await using var mail = new MailCatcher();
        await using var billing = await BillingProcess.StartAsync(pg?.AsBillingDatabase(), extraArguments: ["--smtp", mail.Address]);
        var (api, _) = await BillingApi.SignUpAsync(billing.BaseAddress, "links@example.com");
        using var __ = api;
        await Owner.CompleteProfileAsync(api, "Link Co");
        var customer = await Owner.AddCustomerAsync(api, "Client", "pat@client.example");
        var voided = await Owner.AddInvoiceAsync(api, customer.Id, "100.00");
        var deleted = await Owner.AddInvoiceAsync(api, customer.Id, "50.00");

        var first = await SendAsync(api, mail, voided.Id, 1);
        var second = await SendAsync(api, mail, deleted.Id, 2);
        // 256 random bits, base64url: 43 characters.
        Assert.Matches("/view/[A-Za-z0-9_-]{43}$", first);
        Assert.Equal(HttpStatusCode.OK, (await billing.Client.GetAsync(new Uri(first))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await billing.Client.GetAsync(new Uri(second))).StatusCode);
        using var pdf = await billing.Client.GetAsync(new Uri(first + "?handler=Pdf"));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);

        (await api.PostAsync($"api/v1/invoices/{voided.Id}/void", null)).EnsureSuccessStatusCode();
        (await api.DeleteAsync(new Uri($"api/v1/invoices/{deleted.Id}", UriKind.Relative))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await billing.Client.GetAsync(new Uri(first))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await billing.Client.GetAsync(new Uri(first + "?handler=Pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await billing.Client.GetAsync(new Uri(second))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await billing.Client.GetAsync(new Uri("view/" + new string('A', 43), UriKind.Relative))).StatusCode);

        // A void invoice is not sent again.
        using var again = await api.PostAsJsonAsync($"api/v1/invoices/{voided.Id}/send", new { recipients = new[] { "pat@client.example" } }, Owner.Web);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Fact]
    public async Task Sending_without_a_working_mail_server_changes_nothing()
    {
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--smtp", "127.0.0.1:1"]);
        var (api, _) = await BillingApi.SignUpAsync(billing.BaseAddress, "nomail@example.com");
        using var __ = api;
        await Owner.CompleteProfileAsync(api, "No Mail Co");
        var customer = await Owner.AddCustomerAsync(api, "Client", "pat@client.example");
        var invoice = await Owner.AddInvoiceAsync(api, customer.Id, "10.00");

        using var sent = await api.PostAsJsonAsync($"api/v1/invoices/{invoice.Id}/send", new { recipients = new[] { "pat@client.example" } }, Owner.Web);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sent.StatusCode);
        var after = await api.GetFromJsonAsync<BillingBooks.Billing.Contracts.InvoiceResponse>($"api/v1/invoices/{invoice.Id}", Owner.Web);
        Assert.Equal("draft", after!.Status);
    }

    [Fact]
    public async Task Without_smtp_mail_is_written_as_eml_files_to_the_folder_the_log_names()
    {
        var folder = Directory.CreateTempSubdirectory("billing-mail-").FullName;
        try
        {
            await using var billing = await BillingProcess.StartAsync(extraArguments: ["--mail-dir", folder]);
            Assert.Contains(folder, billing.Output, StringComparison.Ordinal);
            var (api, _) = await BillingApi.SignUpAsync(billing.BaseAddress, "eml@example.com");
            using var __ = api;
            await Owner.CompleteProfileAsync(api, "Eml Co");
            var customer = await Owner.AddCustomerAsync(api, "Client", "pat@client.example");
            var invoice = await Owner.AddInvoiceAsync(api, customer.Id, "10.00");
            using var sent = await api.PostAsJsonAsync($"api/v1/invoices/{invoice.Id}/send", new { recipients = new[] { "pat@client.example" }, attachPdf = true }, Owner.Web);
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            var eml = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var message = await MimeKit.MimeMessage.LoadAsync(eml);
            Assert.Equal("New invoice from Eml Co", message.Subject);
            Assert.Single(message.Attachments);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_forms_refuse_posts_without_the_antiforgery_token()
    {
        await using var billing = await BillingProcess.StartAsync();
        using var login = await billing.Client.GetAsync(new Uri("login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("frame-ancestors 'none'", login.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", login.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", login.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", login.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", login.Headers.GetValues("Referrer-Policy").Single());

        using var forged = await billing.Client.PostAsync(new Uri("login", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "a@b.example", ["password"] = "0123456789" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = billing.BaseAddress };
        using var signedOut = await noRedirects.GetAsync(new Uri("invoices", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/login", signedOut.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }
}
