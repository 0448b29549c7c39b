using System.Net.Http.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BillingBooks.Browser.Tests;

/// <summary>The profile page in Chromium: the provincial tax presets next to the rest of the form.</summary>
public class ProfilePageTests
{
    public ProfilePageTests()
    {
        // As patient as the pages' own timeout (Chromium.NewPageAsync): the machine is shared.
        SetDefaultExpectTimeout(30_000);
    }

    [Fact]
    public async Task Filling_taxes_from_a_provinces_rates_keeps_what_was_typed_in_the_other_fields_until_it_is_saved()
    {
        if (!Chromium.Available(out var why))
        {
            Console.WriteLine("Skipped: " + why);
            return;
        }

        await using var billing = await BillingProcess.StartAsync();
        var (api, _) = await BillingApi.SignUpAsync(billing.BaseAddress, "preset@example.com");
        using var __ = api;
        await Owner.CompleteProfileAsync(api, "Before Co");
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var ___ = browser;
        var page = await Chromium.NewPageAsync(browser, billing.BaseAddress);
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=email]", "preset@example.com");
        await page.FillAsync("input[name=password]", "correct horse battery");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(billing.BaseAddress.ToString());

        await page.GotoAsync("/profile");
        await page.FillAsync("input[name=companyName]", "After Co");
        await page.FillAsync("input[name='address.city']", "Montreal");
        await page.FillAsync("input[name='address.province']", "QC");
        await page.FillAsync("textarea[name=invoiceComments]", "Merci!");
        await page.SelectOptionAsync("select[name=province]", "QC");
        await page.ClickAsync("#apply-preset");

        await Expect(page.Locator("input[name='taxes[1].name']")).ToHaveValueAsync("QST");
        Assert.Equal("GST", await page.InputValueAsync("input[name='taxes[0].name']"));
        Assert.Equal("9.975", await page.InputValueAsync("input[name='taxes[1].rate']"));
        Assert.Equal("After Co", await page.InputValueAsync("input[name=companyName]"));
        Assert.Equal("Montreal", await page.InputValueAsync("input[name='address.city']"));
        Assert.Equal("Merci!", await page.InputValueAsync("textarea[name=invoiceComments]"));
        Assert.Contains("not saved yet", await page.TextContentAsync("#preset-status"), StringComparison.Ordinal);
        // The taxes are saved (as the preset always did); the other fields wait for Save profile.
        var between = await api.GetFromJsonAsync<ProfileDocument>("api/v1/profile", Owner.Web);
        Assert.Equal(("Before Co", "QST"), (between!.CompanyName, between.Taxes![1].Name));

        await page.ClickAsync("#save-profile");
        await page.WaitForSelectorAsync(".notice");
        var saved = await api.GetFromJsonAsync<ProfileDocument>("api/v1/profile", Owner.Web);
        Assert.Equal(("After Co", "Montreal", "Merci!"), (saved!.CompanyName, saved.Address!.City, saved.InvoiceComments));
        Assert.Equal<string?>(["GST", "QST"], saved.Taxes!.Select(t => t.Name));
    }
}
