using System.Net.Http.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BillingBooks.Browser.Tests;

/// <summary>The invoice editor's rows and live totals in Chromium: removing lines, and saying which input cannot be read.</summary>
public class InvoiceEditorTests
{
    public InvoiceEditorTests()
    {
        // As patient as the pages' own timeout (Chromium.NewPageAsync): the machine is shared.
        SetDefaultExpectTimeout(30_000);
    }

    private static async Task<IPage> SignInAsync(IBrowser browser, Uri baseAddress, string email)
    {
        var page = await Chromium.NewPageAsync(browser, baseAddress);
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", "correct horse battery");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(baseAddress.ToString());
        return page;
    }

    private static async Task FillLineAsync(IPage page, int row, string description, string quantity, string unitPrice)
    {
        await page.FillAsync($"input[name='lines[{row}].description']", description);
        await page.FillAsync($"input[name='lines[{row}].quantity']", quantity);
        await page.FillAsync($"input[name='lines[{row}].unitPrice']", unitPrice);
    }

    [Fact]
    public async Task A_line_is_removed_by_its_own_button_from_the_totals_and_the_saved_invoice_and_one_blank_row_always_stays()
    {
        if (!Chromium.Available(out var why))
        {
            Console.WriteLine("Skipped: " + why);
            return;
        }

        await using var billing = await BillingProcess.StartAsync();
        var (api, _) = await BillingApi.SignUpAsync(billing.BaseAddress, "remove@example.com");
        using var __ = api;
        await Owner.CompleteProfileAsync(api, "Remove Co");
        await Owner.AddCustomerAsync(api, "Line Client", "lines@client.example");
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var ___ = browser;
        var page = await SignInAsync(browser, billing.BaseAddress, "remove@example.com");

        await page.GotoAsync("/invoices/edit");
        await page.SelectOptionAsync("select[name=customerId]", new SelectOptionValue { Label = "Line Client" });
        await FillLineAsync(page, 0, "Alpha", "1", "10.00");
        await FillLineAsync(page, 1, "Beta", "2", "20.00");
        await FillLineAsync(page, 2, "Gamma", "1", "5.00");
        await Expect(page.Locator("#total-subtotal")).ToHaveTextAsync("55.00 CAD");

        // From the keyboard, by the button's accessible name.
        var removeBeta = page.GetByRole(AriaRole.Button, new() { Name = "Remove line 2", Exact = true });
        await removeBeta.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#total-subtotal")).ToHaveTextAsync("15.00 CAD");
        await Expect(page.Locator("#total-tax-0")).ToHaveTextAsync("1.95 CAD");
        await Expect(page.Locator("#lines tbody tr[data-line]")).ToHaveCountAsync(2);
        // The rows are numbered again: Gamma is line 2, posted as lines[1], and its button says so.
        Assert.Equal("Gamma", await page.InputValueAsync("input[name='lines[1].description']"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove line 2", Exact = true })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove line 3", Exact = true })).ToHaveCountAsync(0);

        // A line added after a removal takes the next number; an error on the row after the removed one lands on it.
        await page.ClickAsync("#add-line");
        await FillLineAsync(page, 2, "Delta", "-1", "1.00");
        await page.ClickAsync("#save-invoice");
        await Expect(page.Locator("#f-lines-2-quantity-error")).ToBeVisibleAsync();
        Assert.Equal("Delta", await page.InputValueAsync("input[name='lines[2].description']"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove line 3", Exact = true }).ClickAsync();
        await page.ClickAsync("#save-invoice");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/invoices/\\d+$"));
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var saved = await api.GetFromJsonAsync<InvoiceResponse>($"api/v1/invoices/{id}", Owner.Web);
        Assert.Equal<string?>(["Alpha", "Gamma"], saved!.Lines.Select(l => l.Description));
        Assert.Equal("16.95", saved.Total);

        // Every line removed: one blank row stays to type into, and the totals are zero.
        await page.GotoAsync($"/invoices/edit/{id}");
        var rows = await page.Locator("#lines tbody tr[data-line]").CountAsync();
        Assert.True(rows >= 2, $"{rows} rows");
        for (var i = 0; i < rows; i++)
        {
            await page.Locator("#lines tbody tr[data-line] button[data-remove-line]").First.ClickAsync();
        }

        await Expect(page.Locator("#lines tbody tr[data-line]")).ToHaveCountAsync(1);
        Assert.Equal("", await page.InputValueAsync("input[name='lines[0].description']"));
        Assert.Equal("", await page.InputValueAsync("input[name='lines[0].unitPrice']"));
        await Expect(page.Locator("#total-total")).ToHaveTextAsync("0.00 CAD");
    }

    [Fact]
    public async Task When_the_live_totals_cannot_be_computed_the_editor_says_which_input_and_marks_it_invalid()
    {
        if (!Chromium.Available(out var why))
        {
            Console.WriteLine("Skipped: " + why);
            return;
        }

        await using var billing = await BillingProcess.StartAsync();
        var (api, _) = await BillingApi.SignUpAsync(billing.BaseAddress, "unreadable@example.com");
        using var __ = api;
        await Owner.CompleteProfileAsync(api, "Unreadable Co");
        await Owner.AddCustomerAsync(api, "Typo Client", "typo@client.example");
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var ___ = browser;
        var page = await SignInAsync(browser, billing.BaseAddress, "unreadable@example.com");
        await page.GotoAsync("/invoices/edit");
        await page.SelectOptionAsync("select[name=customerId]", new SelectOptionValue { Label = "Typo Client" });
        var said = page.Locator("#calc-error");
        await FillLineAsync(page, 0, "Fine", "1", "10.00");
        await FillLineAsync(page, 1, "Typo", "2", "1,00");

        var price = page.Locator("input[name='lines[1].unitPrice']");
        await Expect(said).ToHaveTextAsync("Line 2: the unit price 1,00 is not a number like 12.50");
        await Expect(page.Locator("#total-total")).ToHaveTextAsync("—");
        await Expect(price).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(price).ToHaveAttributeAsync("aria-describedby", "calc-error");
        await Expect(page.Locator("input[name='lines[0].unitPrice']")).Not.ToHaveAttributeAsync("aria-invalid", "true");

        await page.FillAsync("input[name='lines[1].unitPrice']", "1.005");
        await Expect(said).ToHaveTextAsync("Line 2: the unit price 1.005 has more decimals than CAD has (2)");
        await page.FillAsync("input[name='lines[1].unitPrice']", "1.00");
        await page.FillAsync("input[name='lines[1].quantity']", "two");
        await Expect(said).ToHaveTextAsync("Line 2: the quantity two is not a number like 2 or 1.5");
        await Expect(price).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("input[name='lines[1].quantity']")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.FillAsync("input[name='lines[1].quantity']", "-2");
        await Expect(said).ToHaveTextAsync("Line 2: the quantity must be 0 or more");
        await page.FillAsync("input[name='lines[1].quantity']", "2");
        await Expect(said).ToBeEmptyAsync();
        await Expect(page.Locator("#total-total")).ToHaveTextAsync("13.56 CAD");
        await Expect(page.Locator("input[name='lines[1].quantity']")).Not.ToHaveAttributeAsync("aria-invalid", "true");

        await page.SelectOptionAsync("select[name='discount.kind']", "percent");
        await page.FillAsync("input[name='discount.value']", "150");
        await Expect(said).ToHaveTextAsync("Discount: 150 is not a percent from 0 to 100, like 10");
        await Expect(page.Locator("input[name='discount.value']")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.FillAsync("input[name='discount.value']", "");
        await page.FillAsync("input[name=currency]", "XYZ");
        await Expect(said).ToHaveTextAsync("Currency: XYZ is not a currency code like CAD, USD or EUR");
        await Expect(page.Locator("input[name=currency]")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.FillAsync("input[name=currency]", "");
        await Expect(said).ToBeEmptyAsync();
        await Expect(page.Locator("#total-total")).ToHaveTextAsync("13.56 CAD");
    }
}
