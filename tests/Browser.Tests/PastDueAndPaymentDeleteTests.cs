using System.Net.Http.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BillingBooks.Browser.Tests;

/// <summary>The invoice list's past-due tab with the dashboard's past-due figure, and deleting a payment from the Payments page.</summary>
public class PastDueAndPaymentDeleteTests
{
    public PastDueAndPaymentDeleteTests()
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

    private static async Task<InvoiceResponse> AddInvoiceAsync(HttpClient api, string customerId, DateOnly date, DateOnly dueDate, string price, bool send = true)
    {
        using var created = await api.PostAsJsonAsync("api/v1/invoices", new InvoiceRequest(
            customerId, null, date, dueDate, null, null, null, null, null, null, [new InvoiceLineRequest("Work", "Hours", "1", price, null)]), Owner.Web);
        created.EnsureSuccessStatusCode();
        var invoice = (await created.Content.ReadFromJsonAsync<InvoiceResponse>(Owner.Web))!;
        if (send)
        {
            (await api.PostAsync($"api/v1/invoices/{invoice.Id}/mark-sent", null)).EnsureSuccessStatusCode();
        }

        return invoice;
    }

    private static async Task PayAsync(HttpClient api, InvoiceResponse invoice, string amount)
    {
        using var paid = await api.PostAsJsonAsync("api/v1/payments", new PaymentRequest(
            invoice.CustomerId, null, amount, "CAD", PaymentMethods.Cash, null, null, null, [new PaymentApplicationDocument(invoice.Id, amount)]), Owner.Web);
        paid.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_past_due_tab_and_dashboard_count_sent_invoices_past_their_due_date_that_still_owe_and_nothing_else()
    {
        if (!Chromium.Available(out var why))
        {
            Console.WriteLine("Skipped: " + why);
            return;
        }

        await using var billing = await BillingProcess.StartAsync();
        var (api, _) = await BillingApi.SignUpAsync(billing.BaseAddress, "pastdue@example.com", company: "Late Co");
        using var __ = api;
        await Owner.CompleteProfileAsync(api, "Late Co");
        var customer = await Owner.AddCustomerAsync(api, "Slow Payer", "ap@slow.example");

        // Days away from today on either side, so the account's time zone cannot move an invoice across its due date.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Past due: sent and unpaid (113.00 with HST), and sent and partly paid (226.00, 26.00 paid, 200.00 owing).
        var late = await AddInvoiceAsync(api, customer.Id, today.AddDays(-40), today.AddDays(-10), "100.00");
        var partlyPaidLate = await AddInvoiceAsync(api, customer.Id, today.AddDays(-50), today.AddDays(-20), "200.00");
        await PayAsync(api, partlyPaidLate, "26.00");
        // Not past due: sent but not yet due, paid in full after its due date, and a draft whose due date passed.
        var notYetDue = await AddInvoiceAsync(api, customer.Id, today.AddDays(-1), today.AddDays(30), "300.00");
        var paidLate = await AddInvoiceAsync(api, customer.Id, today.AddDays(-60), today.AddDays(-30), "400.00");
        await PayAsync(api, paidLate, "452.00");
        var draftLate = await AddInvoiceAsync(api, customer.Id, today.AddDays(-40), today.AddDays(-10), "500.00", send: false);

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var ___ = browser;
        var page = await SignInAsync(browser, billing.BaseAddress, "pastdue@example.com");

        // The dashboard: everything still owed on sent invoices is outstanding, only the late part of it past due.
        await Expect(page.Locator("[data-outstanding=CAD] .amount")).ToHaveTextAsync("652.00 CAD");
        await Expect(page.Locator("[data-pastdue=CAD] .amount")).ToHaveTextAsync("313.00 CAD");

        // The invoices page, then its Past due tab: the two late invoices that still owe, newest first, badged past due.
        await page.ClickAsync("header nav >> text=Invoices");
        await page.WaitForURLAsync("**/invoices");
        var pastDueTab = page.Locator("nav.tabs a", new PageLocatorOptions { HasTextString = "Past due" });
        await pastDueTab.ClickAsync();
        await page.WaitForURLAsync("**/invoices?status=pastdue");
        await Expect(pastDueTab).ToHaveClassAsync("active");
        var rows = page.Locator("#invoice-list tbody tr");
        await Expect(rows.Locator("td:first-child")).ToHaveTextAsync([late.Number, partlyPaidLate.Number]);
        await Expect(rows.Locator(".badge.pastdue")).ToHaveCountAsync(2);
        await Expect(rows.Locator("td:last-child")).ToHaveTextAsync(["113.00 CAD", "200.00 CAD"]);

        // The outstanding tab still lists the invoice not yet due, without the badge; paid and draft ones are in neither.
        await page.ClickAsync("nav.tabs >> text=Outstanding");
        await page.WaitForURLAsync("**/invoices?status=outstanding");
        await Expect(rows.Locator("td:first-child")).ToHaveTextAsync([notYetDue.Number, late.Number, partlyPaidLate.Number]);
        await Expect(rows.Nth(0).Locator(".badge.pastdue")).ToHaveCountAsync(0);
        Assert.DoesNotContain(paidLate.Number, await rows.Locator("td:first-child").AllTextContentsAsync());
        Assert.DoesNotContain(draftLate.Number, await rows.Locator("td:first-child").AllTextContentsAsync());

        // Its own page says so too.
        await page.GotoAsync($"/invoices/{late.Id}");
        await Expect(page.Locator("h1 .badge.pastdue")).ToHaveTextAsync("past due");
        await page.GotoAsync($"/invoices/{notYetDue.Id}");
        await Expect(page.Locator("#status")).ToHaveTextAsync("sent");
        await Expect(page.Locator("h1 .badge.pastdue")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Deleting_a_payment_on_the_payments_page_removes_it_and_the_invoice_owes_its_full_amount_again()
    {
        if (!Chromium.Available(out var why))
        {
            Console.WriteLine("Skipped: " + why);
            return;
        }

        await using var billing = await BillingProcess.StartAsync();
        var (api, _) = await BillingApi.SignUpAsync(billing.BaseAddress, "refund@example.com", company: "Refund Co");
        using var __ = api;
        await Owner.CompleteProfileAsync(api, "Refund Co");
        var customer = await Owner.AddCustomerAsync(api, "Bounced Cheques Ltd", "ap@bounced.example");
        var invoice = await Owner.AddInvoiceAsync(api, customer.Id, "100.00");
        (await api.PostAsync($"api/v1/invoices/{invoice.Id}/mark-sent", null)).EnsureSuccessStatusCode();

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var ___ = browser;
        var page = await SignInAsync(browser, billing.BaseAddress, "refund@example.com");

        // The cheque pays the invoice in full, from the invoice's page.
        await page.GotoAsync($"/invoices/{invoice.Id}");
        await page.ClickAsync("#payment-dialog summary");
        await page.FillAsync("input[name=amount]", "113.00");
        await page.SelectOptionAsync("select[name=method]", "cheque");
        await page.FillAsync("input[name=chequeNumber]", "2002");
        await page.ClickAsync("#record-payment");
        await Expect(page.Locator(".notice")).ToContainTextAsync("is recorded");
        await Expect(page.Locator("#status")).ToHaveTextAsync("paid");
        await Expect(page.Locator("#owing")).ToHaveTextAsync("0.00 CAD");
        await page.GotoAsync("/invoices?status=outstanding");
        await Expect(page.Locator("#invoice-list tbody")).ToHaveTextAsync("Nothing here.");

        // The cheque bounces: delete it from the Payments page.
        await page.ClickAsync("header nav >> text=Payments");
        await page.WaitForURLAsync("**/payments");
        var payment = page.Locator("#payments tbody tr", new PageLocatorOptions { HasTextString = "Cheque 2002" });
        await Expect(payment).ToContainTextAsync("113.00 CAD");
        var delete = payment.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Delete" });
        // Asked first: answering Cancel keeps the payment.
        var asked = new List<string>();
        var accept = false;
        page.Dialog += Answer;
        await delete.ClickAsync();
        await Expect(payment).ToContainTextAsync("113.00 CAD");
        accept = true;
        await delete.ClickAsync();
        await Expect(page.Locator(".notice")).ToHaveTextAsync("The payment is deleted; its invoices are open again.");
        page.Dialog -= Answer;
        Assert.Equal(["Delete this payment? The invoices it paid will owe it again.", "Delete this payment? The invoices it paid will owe it again."], asked);
        await Expect(page.Locator("#payments tbody")).ToHaveTextAsync("No payments yet. Record one from an invoice.");

        // The invoice is sent and owes all of it again, and is back on the outstanding tab and the dashboard.
        await page.GotoAsync($"/invoices/{invoice.Id}");
        await Expect(page.Locator("#status")).ToHaveTextAsync("sent");
        await Expect(page.Locator("#paid")).ToHaveTextAsync("0.00 CAD");
        await Expect(page.Locator("#owing")).ToHaveTextAsync("113.00 CAD");
        await page.GotoAsync("/invoices?status=outstanding");
        await Expect(page.Locator("#invoice-list tbody tr td:first-child")).ToHaveTextAsync([invoice.Number]);
        await page.GotoAsync("/");
        await Expect(page.Locator("[data-outstanding=CAD] .amount")).ToHaveTextAsync("113.00 CAD");

        async void Answer(object? sender, IDialog dialog)
        {
            asked.Add(dialog.Message);
            await (accept ? dialog.AcceptAsync() : dialog.DismissAsync());
        }
    }
}
