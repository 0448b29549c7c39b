using BillingBooks.Billing.Testing;
using BillingBooks.Browser.Tests.Support;

namespace BillingBooks.Browser.Tests;

/// <summary>At a phone's width (375 px) no signed-in page scrolls sideways: the menu wraps, wide tables scroll within themselves.</summary>
public class PhoneWidthTests
{
    [Fact]
    public async Task Signed_in_pages_fit_a_phone_without_scrolling_sideways()
    {
        if (!Chromium.Available(out var why))
        {
            Console.WriteLine("Skipped: " + why);
            return;
        }

        await using var billing = await BillingProcess.StartAsync();
        var (api, _) = await BillingApi.SignUpAsync(billing.BaseAddress, "phone@example.com");
        using var __ = api;
        await Owner.CompleteProfileAsync(api, "Pocket Co");
        await Owner.AddCustomerAsync(api, "Small Screen Client", "small@client.example");
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

        foreach (var path in new[] { "/", "/invoices", "/customers", "/invoices/edit", "/payments", "/reports", "/profile" })
        {
            await page.GotoAsync(path);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            var widest = await page.EvaluateAsync<string>(
                "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 376).sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right).map(e => e.tagName + '.' + e.className + '#' + e.id + ':' + Math.round(e.getBoundingClientRect().right)).slice(0, 8).join(' ')");
            Assert.True(width <= 375, $"{path} is {width} px wide at 375 px: {widest}");
        }
    }
}
