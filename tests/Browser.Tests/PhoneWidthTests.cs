using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Browser.Tests.Support;

namespace BillingBooks.Browser.Tests;

/// <summary>
/// At a phone's width (375 px) no signed-in page, nor the customer's view of an invoice from its email link, scrolls
/// sideways: the menu wraps, wide tables scroll within themselves.
/// </summary>
public partial class PhoneWidthTests
{
    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/view/[A-Za-z0-9_-]+")]
    private static partial Regex Link();

    [Fact]
    public async Task Signed_in_pages_and_the_customers_view_fit_a_phone_without_scrolling_sideways()
    {
        if (!Chromium.Available(out var why))
        {
            Console.WriteLine("Skipped: " + why);
            return;
        }

        await using var mail = new MailCatcher();
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--smtp", mail.Address]);
        var (api, _) = await BillingApi.SignUpAsync(billing.BaseAddress, "phone@example.com");
        using var __ = api;
        await Owner.CompleteProfileAsync(api, "Pocket Consulting and Bookkeeping Services Incorporated");
        var customer = await Owner.AddCustomerAsync(api, "Small Screen Client", "small@client.example");
        // What does not wrap at a space: a long number, a payment link in the comments, a long item name.
        InvoiceResponse invoice;
        using (var created = await api.PostAsJsonAsync("api/v1/invoices", new InvoiceRequest(
                   customer.Id, "INV2026000000123", null, null, "PO-99887766", null, null, null,
                   "Pay online: https://payments.pocket-consulting.example/invoices/INV2026000000123/pay?ref=email", null,
                   [new InvoiceLineRequest("Consulting-services-long-unit", "Strategy workshop, preparation and follow-up report", "12.5", "12345.67", null)]), Owner.Web))
        {
            created.EnsureSuccessStatusCode();
            invoice = (await created.Content.ReadFromJsonAsync<InvoiceResponse>(Owner.Web))!;
        }

        using (var sent = await api.PostAsJsonAsync($"api/v1/invoices/{invoice.Id}/send", new { recipients = new[] { "small@client.example" } }, Owner.Web))
        {
            sent.EnsureSuccessStatusCode();
        }

        var link = Link().Match((await mail.WaitForAsync()).Message.TextBody ?? "").Value;
        Assert.NotEmpty(link);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var ___ = browser;
        var page = await Chromium.NewPageAsync(browser, billing.BaseAddress);
        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=email]", "phone@example.com");
        await page.FillAsync("input[name=password]", "correct horse battery");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(billing.BaseAddress.ToString());

        foreach (var path in new[] { "/", "/invoices", "/customers", "/invoices/edit", "/payments", "/reports", "/profile", $"/invoices/{invoice.Id}", new Uri(link).AbsolutePath })
        {
            await page.GotoAsync(path);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            var widest = await page.EvaluateAsync<string>(
                "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 376).sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right).map(e => e.tagName + '.' + e.className + '#' + e.id + ':' + Math.round(e.getBoundingClientRect().right)).slice(0, 8).join(' ')");
            Assert.True(width <= 375, $"{path} is {width} px wide at 375 px: {widest}");
        }
    }
}
