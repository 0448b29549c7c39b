using System.Text;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;
using MimeKit;

namespace BillingBooks.Billing.Tests.Email;

/// <summary>The default note of an invoice or quote mailed through a real SMTP conversation says what the customer gets: "attached" only with the PDF.</summary>
public sealed class DocumentMailTextTests
{
    [Theory]
    [InlineData("invoices", "invoice", false, "Here is invoice {0} from Acme Ltée.")]
    [InlineData("quotes", "quote", false, "Here is quote {0} from Acme Ltée.")]
    [InlineData("invoices", "invoice", true, "Please find invoice {0} attached.")]
    public async Task The_default_note_says_attached_only_when_the_pdf_is(string path, string noun, bool attachPdf, string note)
    {
        using var smtp = LoopbackMailServer.AcceptingAfterHold();
        smtp.Release();
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--smtp", smtp.Address]);
        using var api = await Api.ReadyAsync(billing);
        var draft = await api.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/{path}", Api.Invoice((await api.CustomerAsync()).Id));

        await api.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/{path}/{draft.Id}/send", new SendRequest(["zoe@example.com"], null, null, attachPdf, false));

        var mail = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Assert.Single(smtp.Accepted))));
        var text = mail.TextBody ?? "";
        Assert.StartsWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, note, draft.Number), text, StringComparison.Ordinal);
        Assert.Equal(attachPdf, text.Contains("attached", StringComparison.Ordinal));
        Assert.Equal(attachPdf, mail.Attachments.Any());
        Assert.Contains($"{char.ToUpperInvariant(noun[0])}{noun[1..]} {draft.Number}", text, StringComparison.Ordinal);
    }
}
