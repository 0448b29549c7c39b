using System.Net;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Pages;

/// <summary>The invoice page's payment form suggests today in the account's time zone, on the service's clock.</summary>
public class PaymentDialogDateTests
{
    [Fact]
    public async Task The_payment_form_suggests_today_in_the_accounts_time_zone_not_the_utc_day()
    {
        // 03:30 UTC on 2 June is 23:30 on 1 June in Toronto, the profile's time zone (and neither is the machine's day).
        await using var billing = await BillingProcess.StartAsync(clock: new DateTimeOffset(2026, 6, 2, 3, 30, 0, TimeSpan.Zero));
        using var owner = await Api.ReadyAsync(billing);
        var customer = await owner.CustomerAsync();
        var invoice = await owner.SentAsync(Api.Invoice(customer.Id) with { Date = new DateOnly(2026, 5, 20), DueDate = new DateOnly(2026, 6, 20) });

        using var browser = new PageClient(billing.BaseAddress);
        (await browser.SignInAsync(owner.Email, "correct horse battery")).Dispose();
        using var page = await browser.GetAsync($"invoices/{invoice.Id}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Matches("name=\"date\"[^>]*value=\"2026-06-01\"|value=\"2026-06-01\"[^>]*name=\"date\"", html);
    }
}
