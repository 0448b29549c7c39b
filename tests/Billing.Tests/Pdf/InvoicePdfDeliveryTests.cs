using System.Net;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Pdf;

/// <summary>
/// The PDF as served, mailed and linked: a draft downloads marked DRAFT, but the PDF mailed when sending it is the
/// sent invoice (no mark); a voided one downloads marked VOID.
/// </summary>
public sealed class InvoicePdfDeliveryTests(SqliteBilling fixture) : ApiTestBase<SqliteBilling>(fixture)
{
    [Fact]
    public async Task A_draft_downloads_marked_DRAFT_is_mailed_unmarked_once_sent_and_downloads_marked_VOID_once_voided()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var owner = await Api.ReadyAsync(billing);
        var customer = await owner.CustomerAsync();
        var draft = await owner.DraftAsync(Api.Invoice(customer.Id));
        Assert.Equal("DRAFT INVOICE", (await DownloadAsync(owner, draft)).Title);

        var recipient = $"ap-{Guid.NewGuid():N}@example.com";
        await owner.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/invoices/{draft.Id}/send", new SendRequest([recipient], null, null, true, false));
        var mail = await MimeKit.MimeMessage.LoadAsync(Directory.GetFiles(Fixture.MailFolder, "*.eml")
            .Single(f => File.ReadAllText(f).Contains(recipient, StringComparison.Ordinal)));
        var attachment = Assert.IsType<MimeKit.MimePart>(Assert.Single(mail.Attachments));
        Assert.NotNull(attachment.Content);
        using var bytes = new MemoryStream();
        await attachment.Content.DecodeToAsync(bytes);
        var mailed = PrintedPdf.Read(bytes.ToArray());
        Assert.Equal("INVOICE", mailed.Title);
        Assert.Equal("", mailed.Mark(1));
        Assert.Equal("INVOICE", (await DownloadAsync(owner, draft)).Title);

        await owner.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/invoices/{draft.Id}/void");
        var voided = await DownloadAsync(owner, draft);
        Assert.Equal("INVOICE (VOID)", voided.Title);
        Assert.Equal("VOID", voided.Mark(1));
    }

    private static async Task<PrintedPdf> DownloadAsync(Api owner, InvoiceResponse invoice)
    {
        using var response = await owner.SendAsync(HttpMethod.Get, $"api/v1/invoices/{invoice.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PrintedPdf.Read(await response.Content.ReadAsByteArrayAsync());
    }
}
