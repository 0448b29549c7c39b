using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Browser.Tests.Support;
using Microsoft.Playwright;

namespace BillingBooks.Browser.Tests;

/// <summary>SPEC 1.7 in the browser: invite, follow the emailed link to accept, read-only client books (no edit controls; tampered writes 403), end.</summary>
public class BookkeeperFlowTests
{
    private static async Task<IPage> SignUpAsync(IBrowser browser, Uri baseAddress, string email, string company)
    {
        var page = await Chromium.NewPageAsync(browser, baseAddress);
        await page.GotoAsync("/signup");
        await page.FillAsync("input[name=companyName]", company);
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", "correct horse battery");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/profile");
        return page;
    }

    [Fact]
    public async Task A_bookkeeper_accepts_sees_the_clients_books_read_only_and_loses_them_when_the_contract_ends()
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

        // The owner's books, and an invitation from the Bookkeepers page.
        var owner = await SignUpAsync(browser, billing.BaseAddress, "owner@acme.example", "Acme Widgets");
        var (api, _) = await BillingApi.SignInAsync(billing.BaseAddress, "owner@acme.example", "correct horse battery");
        using var ___ = api;
        await Owner.CompleteProfileAsync(api, "Acme Widgets");
        var customer = await Owner.AddCustomerAsync(api, "Globex", "hank@globex.example");
        var invoice = await Owner.AddInvoiceAsync(api, customer.Id, "1200.00");
        (await api.PostAsync($"api/v1/invoices/{invoice.Id}/mark-sent", null)).EnsureSuccessStatusCode();

        await owner.GotoAsync("/bookkeepers");
        await owner.FillAsync("input[name=email]", "owner@acme.example");
        await owner.ClickAsync("#invite");
        Assert.NotNull(await owner.TextContentAsync(".message"));
        await owner.FillAsync("input[name=email]", "books@ledger.example");
        await owner.ClickAsync("#invite");
        await owner.WaitForSelectorAsync(".notice");
        Assert.Contains("pending", await owner.TextContentAsync("#bookkeepers"), StringComparison.Ordinal);
        var invitationMail = (await mail.WaitForAsync(1)).Message;
        Assert.Equal("books@ledger.example", invitationMail.To.Mailboxes.Single().Address);
        Assert.Equal("Acme Widgets invites you as their bookkeeper", invitationMail.Subject);
        var link = Regex.Match(invitationMail.TextBody ?? "", @"http://\S+/invitations/[A-Za-z0-9_-]+").Value;
        Assert.StartsWith(billing.BaseAddress.ToString().TrimEnd('/'), link, StringComparison.Ordinal);
        await owner.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("bookkeepers") });

        // The bookkeeper has no account yet: the emailed link leads through sign-up back to the invitation.
        var bookkeeper = await Chromium.NewPageAsync(browser, billing.BaseAddress);
        await bookkeeper.GotoAsync(link);
        await bookkeeper.WaitForURLAsync("**/login?ReturnUrl=*");
        Assert.NotNull(await bookkeeper.TextContentAsync("#invitation-hint"));
        await bookkeeper.ClickAsync("#to-signup");
        await bookkeeper.FillAsync("input[name=companyName]", "Ledger & Co");
        await bookkeeper.FillAsync("input[name=email]", "books@ledger.example");
        await bookkeeper.FillAsync("input[name=password]", "correct horse battery");
        await bookkeeper.ClickAsync("button[type=submit]");
        await bookkeeper.WaitForURLAsync(link);
        Assert.Contains("owner@acme.example", await bookkeeper.TextContentAsync("#invitation-text"), StringComparison.Ordinal);
        await bookkeeper.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("bookkeeper-invitation") });
        await bookkeeper.ClickAsync("#accept");
        await bookkeeper.WaitForSelectorAsync("button.open-books");
        await bookkeeper.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("bookkeeper-clients") });

        // The link worked once: opened again, it says so and offers nothing to accept.
        await bookkeeper.GotoAsync(link);
        Assert.Contains("not valid", await bookkeeper.TextContentAsync("#invitation-problem"), StringComparison.Ordinal);
        Assert.Equal(0, await bookkeeper.Locator("#accept").CountAsync());

        await bookkeeper.GotoAsync("/clients");
        await bookkeeper.ClickAsync("button.open-books");
        await bookkeeper.WaitForSelectorAsync("#client-banner");
        Assert.Contains("1,356.00 CAD", await bookkeeper.TextContentAsync(".stats"), StringComparison.Ordinal);
        await bookkeeper.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("bookkeeper-dashboard") });

        // Read-only: no edit controls anywhere.
        await bookkeeper.GotoAsync("/customers");
        Assert.Contains("Globex", await bookkeeper.TextContentAsync("table"), StringComparison.Ordinal);
        Assert.Equal(0, await bookkeeper.Locator("#new-customer").CountAsync());
        await bookkeeper.GotoAsync($"/customers/{customer.Id}");
        Assert.Equal(0, await bookkeeper.Locator("#save-customer").CountAsync());
        Assert.True(await bookkeeper.Locator("input[name=name]").IsEditableAsync() == false);
        await bookkeeper.GotoAsync($"/invoices/{invoice.Id}");
        Assert.Equal(0, await bookkeeper.Locator("#edit, #send, #record-payment, #void, #delete, #mark-sent").CountAsync());
        Assert.Equal(1, await bookkeeper.Locator("#download-pdf").CountAsync());
        await bookkeeper.GotoAsync("/reports");
        Assert.Contains("Globex", await bookkeeper.TextContentAsync("#report"), StringComparison.Ordinal);
        await bookkeeper.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("invoice-report") });

        // Tampering: the read-only form submitted anyway is refused by the server (403), and nothing changes.
        await bookkeeper.GotoAsync($"/customers/{customer.Id}");
        var token = await bookkeeper.InputValueAsync("#customer-form input[name=__RequestVerificationToken]");
        var tampered = bookkeeper.Context.APIRequest.CreateFormData();
        tampered.Set("__RequestVerificationToken", token);
        tampered.Set("name", "Hacked");
        var response = await bookkeeper.Context.APIRequest.PostAsync($"/customers/{customer.Id}", new APIRequestContextOptions { Form = tampered });
        Assert.Equal(403, response.Status);
        var unchanged = await api.GetFromJsonAsync<CustomerResponse>($"api/v1/customers/{customer.Id}", Owner.Web);
        Assert.Equal("Globex", unchanged!.Name);
        await bookkeeper.GotoAsync("/invoices/edit");
        Assert.EndsWith("/invoices", bookkeeper.Url, StringComparison.Ordinal);
        Assert.Equal(0, await bookkeeper.Locator("#save-invoice").CountAsync());

        // The owner ends the contract: the bookkeeper's next page is back at the client list.
        await owner.GotoAsync("/bookkeepers");
        owner.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // "End this contract?"
        await owner.ClickAsync("text=End contract");
        await owner.WaitForSelectorAsync(".notice");
        await bookkeeper.GotoAsync("/customers");
        await bookkeeper.WaitForURLAsync("**/clients");
        Assert.Equal(0, await bookkeeper.Locator("#client-banner").CountAsync());
        Assert.Contains("ended", await bookkeeper.TextContentAsync("#clients"), StringComparison.Ordinal);

        var cookies = await bookkeeper.Context.CookiesAsync();
        var session = cookies.Single(c => c.Name == "billing.session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
    }
}
