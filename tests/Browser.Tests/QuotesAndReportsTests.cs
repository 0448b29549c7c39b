using BillingBooks.Billing.Testing;
using BillingBooks.Browser.Tests.Support;
using Microsoft.Playwright;

namespace BillingBooks.Browser.Tests;

/// <summary>Quotes (convert after confirmation), recurring invoices, payments and the reports with their CSV, in the browser.</summary>
public class QuotesAndReportsTests
{
    [Fact]
    public async Task A_quote_becomes_an_invoice_after_confirmation_repeats_monthly_and_shows_in_the_reports()
    {
        if (!Chromium.Available(out var why))
        {
            Console.WriteLine("Skipped: " + why);
            return;
        }

        await using var billing = await BillingProcess.StartAsync();
        var (api, _) = await BillingApi.SignUpAsync(billing.BaseAddress, "quotes@example.com", company: "Quote Co");
        using var __ = api;
        await Owner.CompleteProfileAsync(api, "Quote Co");
        await Owner.AddCustomerAsync(api, "Initech", "bill@initech.example");

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var ___ = browser;
        var page = await Chromium.NewPageAsync(browser, billing.BaseAddress);
        var context = page.Context;
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=email]", "quotes@example.com");
        await page.FillAsync("input[name=password]", "wrong password!");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("wrong", await page.TextContentAsync(".message"), StringComparison.Ordinal);
        await page.FillAsync("input[name=password]", "correct horse battery");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("login") });
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(billing.BaseAddress.ToString());

        // A quote, written in the same editor.
        await page.GotoAsync("/quotes/edit");
        await page.SelectOptionAsync("select[name=customerId]", new SelectOptionValue { Label = "Initech" });
        await page.FillAsync("input[name='lines[0].unit']", "Setup");
        await page.FillAsync("input[name='lines[0].quantity']", "2");
        await page.FillAsync("input[name='lines[0].unitPrice']", "abc");
        Assert.Equal("—", await page.TextContentAsync("#total-total"));
        await page.ClickAsync("#save-invoice");
        Assert.NotNull(await page.TextContentAsync("#f-lines-0-unitPrice-error"));
        Assert.Equal("Setup", await page.InputValueAsync("input[name='lines[0].unit']"));
        await page.FillAsync("input[name='lines[0].unitPrice']", "500");
        Assert.Equal("1,130.00 CAD", await page.TextContentAsync("#total-total"));
        await page.ClickAsync("#save-invoice");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/quotes/\\d+$"));
        await page.ClickAsync("#mark-sent");
        await page.WaitForSelectorAsync("#convert-dialog");
        await page.ClickAsync("#convert-dialog summary");
        await page.ClickAsync("#convert");
        Assert.Contains("confirm", await page.TextContentAsync("#convert-dialog"), StringComparison.Ordinal);
        await page.ClickAsync("#convert-dialog summary");
        await page.CheckAsync("input[name=confirm]");
        await page.ClickAsync("#convert");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/invoices/\\d+$"));
        Assert.Equal("draft", await page.TextContentAsync("#status"));
        Assert.Equal("1,130.00 CAD", await page.TextContentAsync("#total"));

        // Repeat it monthly with an auto-send list.
        await page.ClickAsync("#repeat-dialog summary");
        await page.FillAsync("input[name=startDate]", "2030-01-31");
        await page.FillAsync("input[name=stopDate]", "2030-12-31");
        await page.FillAsync("input[name=autoSend]", "bill@initech.example");
        await page.ClickAsync("#repeat");
        await page.WaitForURLAsync("**/recurring");
        Assert.Contains("bill@initech.example", await page.TextContentAsync("#recurring"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("recurring") });

        // Change its schedule: a bad address is shown next to the field with what was typed kept, then it saves.
        await page.ClickAsync("#recurring a");
        Assert.Equal("bill@initech.example", await page.InputValueAsync("input[name=recipients]"));
        await page.SelectOptionAsync("select[name=frequency]", "weekly");
        await page.FillAsync("input[name=stopDate]", "2030-03-31");
        await page.FillAsync("input[name=recipients]", "bill@initech.example, not-an-address");
        await page.ClickAsync("#save-schedule");
        Assert.Contains("'not-an-address' is not an email address", await page.TextContentAsync("#schedule-form"), StringComparison.Ordinal);
        Assert.Equal("weekly", await page.InputValueAsync("select[name=frequency]"));
        Assert.Equal("2030-03-31", await page.InputValueAsync("input[name=stopDate]"));
        await page.FillAsync("input[name=recipients]", "bill@initech.example, ap@initech.example");
        await page.ClickAsync("#save-schedule");
        await page.WaitForURLAsync("**/recurring");
        Assert.Contains("the next invoice is made on 2030-01-31", await page.TextContentAsync(".notice"), StringComparison.Ordinal);
        var row = await page.TextContentAsync("#recurring tbody tr");
        Assert.Contains("weekly", row, StringComparison.Ordinal);
        Assert.Contains("2030-03-31", row, StringComparison.Ordinal);
        Assert.Contains("ap@initech.example", row, StringComparison.Ordinal);

        // Send the converted invoice (marked sent), pay half by card, and read the reports.
        await page.GotoAsync("/invoices?status=draft");
        await page.ClickAsync("#invoice-list a");
        await page.ClickAsync("#mark-sent");
        await page.WaitForSelectorAsync("#payment-dialog");
        await page.ClickAsync("#payment-dialog summary");
        await page.FillAsync("input[name=amount]", "9999");
        await page.ClickAsync("#record-payment");
        Assert.True(await page.Locator("#payment-dialog[open]").CountAsync() == 1);
        Assert.Equal("9999", await page.InputValueAsync("input[name=amount]"));
        Assert.NotNull(await page.TextContentAsync("#form-message"));
        await page.FillAsync("input[name=amount]", "565.00");
        await page.SelectOptionAsync("select[name=method]", "credit_card");
        await page.SelectOptionAsync("select[name=cardBrand]", "visa");
        await page.ClickAsync("#record-payment");
        await page.WaitForSelectorAsync(".notice");
        Assert.Equal("partly paid", await page.TextContentAsync("#status"));
        await page.GotoAsync("/quotes");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("quotes") });
        await page.GotoAsync("/payments");
        Assert.Contains("Credit card (visa)", await page.TextContentAsync("#payments"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("payments") });
        await page.GotoAsync("/reports?report=payments");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("payment-report") });
        await page.GotoAsync("/reports");
        Assert.Contains("565.00", await page.TextContentAsync("#report"), StringComparison.Ordinal);
        var csv = await context.APIRequest.GetAsync("/reports?handler=Csv&report=invoices");
        var bytes = await csv.BodyAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // the byte order mark Excel needs to read UTF-8
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Number,Customer,Date,Reference,Currency,Subtotal,HST tax,Discount,Total,Paid,Owing,Status", text, StringComparison.Ordinal);
        Assert.Contains("Initech", text, StringComparison.Ordinal);
        Assert.Contains("1130.00,565.00,565.00,partly paid", text, StringComparison.Ordinal);
    }
}
