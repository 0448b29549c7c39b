using System.Net;
using BillingBooks.Billing.Testing;
using BillingBooks.Browser.Tests.Support;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace BillingBooks.Browser.Tests;

/// <summary>The owner's whole day in the browser, against the real billing process and a real SMTP server.</summary>
public class InvoicingFlowTests
{
    [Fact]
    public async Task Sign_up_set_taxes_add_customer_write_send_view_and_get_paid()
    {
        if (!Chromium.Available(out var why))
        {
            Console.WriteLine("Skipped: " + why);
            return;
        }

        await using var mail = new MailCatcher();
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--smtp", mail.Address]);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Chromium.NewPageAsync(browser, billing.BaseAddress, height: 900);
        var context = page.Context;

        // Sign up.
        await page.GotoAsync("/signup");
        await page.FillAsync("input[name=companyName]", "Maple Consulting");
        await page.FillAsync("input[name=email]", "owner@maple.example");
        await page.FillAsync("input[name=password]", "short");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("at least 10 characters", await page.TextContentAsync("#f-password-error"), StringComparison.Ordinal);
        Assert.Equal("owner@maple.example", await page.InputValueAsync("input[name=email]"));
        await page.FillAsync("input[name=password]", "correct horse battery");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("signup") });
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/profile");

        // Profile and Ontario's HST from the presets.
        await Chromium.FillAddressAsync(page, "100 King St W", "Toronto", "ON", "CA", "M5X 1A9");
        await page.FillAsync("input[name=phone]", "416-555-0100");
        await page.ClickAsync("#save-profile");
        await page.WaitForSelectorAsync(".notice");
        await page.SelectOptionAsync("select[name=province]", "ON");
        await page.ClickAsync("#apply-preset");
        await page.WaitForSelectorAsync(".notice");
        Assert.Equal("HST", await page.InputValueAsync("input[name='taxes[0].name']"));
        Assert.Equal("13", await page.InputValueAsync("input[name='taxes[0].rate']"));

        // The logo: a text file named .png is refused by its content, next to the field; a real PNG is kept.
        await page.SetInputFilesAsync("#f-logo", new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = "not an image"u8.ToArray() });
        await page.ClickAsync("#upload-logo");
        Assert.Contains("PNG, JPEG or GIF", await page.TextContentAsync("#f-logo-error"), StringComparison.Ordinal);
        await page.SetInputFilesAsync("#f-logo", new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Logo });
        await page.ClickAsync("#upload-logo");
        await page.WaitForSelectorAsync("img.logo");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("profile"), FullPage = true });

        // A customer with a contact; a bad email is shown next to its field and what was typed stays.
        await page.GotoAsync("/customers/new");
        await page.FillAsync("input[name=name]", "Northwind Traders");
        await Chromium.FillAddressAsync(page, "5 Harbour Rd", "Halifax", "NS", "CA");
        await page.FillAsync("input[name='contacts[0].firstName']", "Ada");
        await page.FillAsync("input[name='contacts[0].lastName']", "Lovelace");
        await page.FillAsync("input[name='contacts[0].email']", "ada-at-northwind");
        await page.ClickAsync("#save-customer");
        Assert.Contains("not an email address", await page.TextContentAsync("#f-contacts-0-email-error"), StringComparison.Ordinal);
        Assert.Equal("Northwind Traders", await page.InputValueAsync("input[name=name]"));
        await page.FillAsync("input[name='contacts[0].email']", "ada@northwind.example");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("customer-edit"), FullPage = true });
        await page.ClickAsync("#save-customer");
        await page.WaitForURLAsync("**/customers");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("customers") });

        // The invoice editor: totals, HST and the discount follow what is typed.
        await page.GotoAsync("/invoices/edit");
        await page.SelectOptionAsync("select[name=customerId]", new SelectOptionValue { Label = "Northwind Traders" });
        await page.FillAsync("input[name='lines[0].unit']", "Consulting");
        await page.FillAsync("input[name='lines[0].description']", "Strategy workshop, hours");
        await page.FillAsync("input[name='lines[0].quantity']", "3");
        await page.FillAsync("input[name='lines[0].unitPrice']", "33.33");
        Assert.Equal("99.99 CAD", await page.TextContentAsync("#total-subtotal"));
        Assert.Equal("13.00 CAD", await page.TextContentAsync("#total-tax-0"));
        Assert.Equal("112.99 CAD", await page.TextContentAsync("#total-total"));
        await page.FillAsync("input[name='lines[1].unit']", "Travel");
        await page.FillAsync("input[name='lines[1].quantity']", "1");
        await page.FillAsync("input[name='lines[1].unitPrice']", "250");
        await page.UncheckAsync("input[name='lines[1].taxes']");
        await page.SelectOptionAsync("select[name='discount.kind']", "percent");
        await page.FillAsync("input[name='discount.value']", "10");
        // Lines 99.99 and 250.00; discounts 10.00 and 25.00; HST 13% of 89.99 = 11.70; total 314.99 + 11.70.
        Assert.Equal("35.00 CAD", await page.TextContentAsync("#total-discount"));
        Assert.Equal("11.70 CAD", await page.TextContentAsync("#total-tax-0"));
        Assert.Equal("326.69 CAD", await page.TextContentAsync("#total-total"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("invoice-editor"), FullPage = true });
        await page.ClickAsync("#save-invoice");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/invoices/\\d+$"));
        Assert.Equal("326.69 CAD", await page.TextContentAsync("#total"));

        // Send it: the default contact is the recipient, the subject names the company, the PDF is attached.
        await page.ClickAsync("#send-dialog summary");
        Assert.Equal("New invoice from Maple Consulting", await page.InputValueAsync("input[name=subject]"));
        await page.FillAsync("textarea[name=message]", "Thank you for your business.");
        await page.CheckAsync("input[name=sendCopy]");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("send-dialog"), FullPage = true });
        await page.ClickAsync("#send");
        await page.WaitForSelectorAsync(".notice");
        Assert.Equal("sent", await page.TextContentAsync("#status"));

        var caught = await mail.WaitForAsync();
        Assert.Contains("ada@northwind.example", caught.Envelope);
        Assert.Contains("owner@maple.example", caught.Envelope);
        Assert.Equal("New invoice from Maple Consulting", caught.Message.Subject);
        var text = caught.Message.TextBody ?? "";
        Assert.Contains("Thank you for your business.", text, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(text, @"http://127\.0\.0\.1:\d+/view/[A-Za-z0-9_-]{43}").Value;
        Assert.NotEmpty(link);
        var attachment = Assert.Single(caught.Message.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        Assert.NotNull(attachment.Content);
        using (var pdfBytes = new MemoryStream())
        {
            await attachment.Content!.DecodeToAsync(pdfBytes);
            var pdfText = PdfText(pdfBytes.ToArray());
            using (var document = PdfDocument.Open(pdfBytes.ToArray()))
            {
                Assert.NotEmpty(document.GetPage(1).GetImages());
            }

            foreach (var expected in new[] { "Maple Consulting", "100 King St W", "Northwind Traders", "Strategy workshop, hours", "HST 13%", "11.70 CAD", "326.69 CAD", "Amount owing" })
            {
                Assert.Contains(expected, pdfText, StringComparison.Ordinal);
            }
        }

        // The customer opens the link without signing in, and its PDF.
        var customer = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        var view = await customer.NewPageAsync();
        var opened = await view.GotoAsync(link);
        Assert.Equal(200, opened!.Status);
        Assert.Equal("326.69 CAD", await view.TextContentAsync("#owing"));
        await view.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("customer-view"), FullPage = true });
        var pdf = await customer.APIRequest.GetAsync(link + "?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Contains("Northwind Traders", PdfText(await pdf.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(404, (await customer.APIRequest.GetAsync(link[..^4] + "AAAA")).Status);

        // The dashboard shows what is owed; the owner records the cheque and the invoice is paid.
        var invoiceUrl = page.Url;
        await page.GotoAsync("/");
        Assert.Contains("326.69 CAD", await page.TextContentAsync("[data-outstanding=CAD]"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("dashboard") });
        await page.GotoAsync(invoiceUrl);
        await page.ClickAsync("#payment-dialog summary");
        Assert.Equal("326.69", await page.InputValueAsync("input[name=amount]"));
        await page.FillAsync("input[name=chequeNumber]", "1001");
        await page.ClickAsync("#record-payment");
        await page.WaitForSelectorAsync(".notice");
        Assert.Equal("paid", await page.TextContentAsync("#status"));
        Assert.Equal("0.00 CAD", await page.TextContentAsync("#owing"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("invoice"), FullPage = true });
        await view.ReloadAsync();
        Assert.Equal("paid", await view.TextContentAsync("#status"));

        await page.GotoAsync("/invoices?status=paid");
        Assert.Contains("326.69 CAD", await page.TextContentAsync("#invoice-list"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("invoices") });

        // Without the cookie's own token the API stays bearer-only: the page session does not open it.
        var api = await context.APIRequest.GetAsync("/api/v1/customers");
        Assert.Equal((int)HttpStatusCode.Unauthorized, api.Status);
    }

    /// <summary>A 16 x 16 green PNG.</summary>
    private static readonly byte[] Logo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGOQz48hCTGMahjVMHw1AAArCuoBmzyAHQAAAABJRU5ErkJggg==");

    internal static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}
