using System.Net;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Pages;

/// <summary>The owner's invoice page shows a discount as the customer's view and the PDF do: taken off, negative.</summary>
public sealed class InvoicePageDiscountTests(SqliteBilling fixture) : ApiTestBase<SqliteBilling>(fixture)
{
    [Fact]
    public async Task The_invoice_page_shows_a_discount_as_a_negative_amount_and_no_discount_row_without_one()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var owner = await Api.ReadyAsync(billing);
        var customer = await owner.CustomerAsync();
        var discounted = await owner.DraftAsync(Api.Invoice(customer.Id) with { Discount = new DiscountRequest("amount", "10.00") });
        var plain = await owner.DraftAsync(Api.Invoice(customer.Id));

        using var browser = new PageClient(billing.BaseAddress);
        (await browser.SignInAsync(owner.Email, "correct horse battery")).Dispose();
        Assert.Matches("<td>Discount</td><td class=\"num\"[^>]*>-10\\.00 CAD</td>", await HtmlAsync(browser, $"invoices/{discounted.Id}"));
        Assert.DoesNotContain("<td>Discount</td>", await HtmlAsync(browser, $"invoices/{plain.Id}"), StringComparison.Ordinal);
    }

    private static async Task<string> HtmlAsync(PageClient browser, string path)
    {
        using var page = await browser.GetAsync(path);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)page.StatusCode}");
        return html;
    }
}
