using BillingBooks.Billing.Testing;
using BillingBooks.Browser.Tests.Support;
using Microsoft.Playwright;

namespace BillingBooks.Browser.Tests;

/// <summary>Customers in the browser: own taxes that the editor follows, search, soft delete.</summary>
public class CustomerPagesTests
{
    [Fact]
    public async Task A_customers_own_taxes_drive_the_editor_search_finds_it_and_delete_hides_it()
    {
        if (!Chromium.Available(out var why))
        {
            Console.WriteLine("Skipped: " + why);
            return;
        }

        await using var billing = await BillingProcess.StartAsync();
        var (api, _) = await BillingApi.SignUpAsync(billing.BaseAddress, "customers@example.com");
        using var __ = api;
        await Owner.CompleteProfileAsync(api, "Customer Co");
        await Owner.AddCustomerAsync(api, "Ontario Client", "on@client.example");
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var ___ = browser;
        var page = await Chromium.NewPageAsync(browser, billing.BaseAddress);
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=email]", "customers@example.com");
        await page.FillAsync("input[name=password]", "correct horse battery");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(billing.BaseAddress.ToString());

        await page.GotoAsync("/customers/new");
        await page.FillAsync("input[name=name]", "Quebec Client");
        await Chromium.FillAddressAsync(page, "1 Rue Saint-Paul", "Montreal", "QC", "CA");
        await page.CheckAsync("input[name=ownTaxes]");
        await page.CheckAsync("input[name='taxes[0].enabled']");
        await page.FillAsync("input[name='taxes[0].name']", "GST");
        await page.FillAsync("input[name='taxes[0].rate']", "5");
        await page.CheckAsync("input[name='taxes[1].enabled']");
        await page.FillAsync("input[name='taxes[1].name']", "QST");
        await page.FillAsync("input[name='taxes[1].rate']", "-1");
        await page.ClickAsync("#save-customer");
        Assert.NotNull(await page.TextContentAsync("#customer-form .error"));
        Assert.Equal("Quebec Client", await page.InputValueAsync("input[name=name]"));
        await page.FillAsync("input[name='taxes[1].rate']", "9.975");
        await page.ClickAsync("#save-customer");
        await page.WaitForURLAsync("**/customers");

        await page.GotoAsync("/customers?search=queb");
        var list = await page.TextContentAsync("table");
        Assert.Contains("Quebec Client", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Ontario Client", list, StringComparison.Ordinal);

        await page.GotoAsync("/invoices/edit");
        await page.SelectOptionAsync("select[name=customerId]", new SelectOptionValue { Label = "Quebec Client" });
        await page.FillAsync("input[name='lines[0].unitPrice']", "123.45");
        Assert.Equal("GST 5%", await page.TextContentAsync("[data-tax-label='0']"));
        Assert.Equal("6.17 CAD", await page.TextContentAsync("#total-tax-0"));
        Assert.Equal("12.31 CAD", await page.TextContentAsync("#total-tax-1"));
        Assert.Equal("141.93 CAD", await page.TextContentAsync("#total-total"));
        await page.SelectOptionAsync("select[name=customerId]", new SelectOptionValue { Label = "Ontario Client" });
        Assert.Equal("HST 13%", await page.TextContentAsync("[data-tax-label='0']"));
        Assert.Equal("139.50 CAD", await page.TextContentAsync("#total-total"));
        Assert.True(await page.Locator("[data-tax-row='1']").IsHiddenAsync());

        await page.GotoAsync("/customers?search=Quebec");
        await page.ClickAsync("text=Quebec Client");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // "Delete this customer?"
        await page.ClickAsync("text=Delete customer");
        await page.WaitForURLAsync("**/customers");
        Assert.DoesNotContain("Quebec Client", await page.TextContentAsync("table"), StringComparison.Ordinal);
    }
}
