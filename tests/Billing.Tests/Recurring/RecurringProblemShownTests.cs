using System.Net;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Recurring;

/// <summary>
/// An invoice made by a schedule but not emailed (here: the profile lost its address after the schedule was made) is
/// shown where the owner looks - the API's schedule and the recurring pages - not only in the server log. A real
/// process on a test clock; its job runs each real minute, so this waits up to one.
/// </summary>
public sealed class RecurringProblemShownTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 7, 30, 0, TimeSpan.Zero); // 02:30 in Toronto: a token lives an hour

    [Fact]
    public async Task An_invoice_made_but_not_emailed_is_shown_on_the_schedule_in_the_api_and_the_pages()
    {
        await using var billing = await BillingProcess.StartAsync(clock: Start);
        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync("Café Olé");
        var first = new DateOnly(2026, 11, 27);
        var schedule = await api.OkAsync<RecurringResponse>(HttpMethod.Post, "api/v1/recurring", new RecurringRequest(
            Api.Invoice(customer.Id) with { Date = first, DueDate = first.AddDays(14) }, Frequencies.Weekly, first, null, ["zoe@cafeole.example"]));
        Assert.Null(schedule.LastProblem);
        await api.OkAsync<ProfileDocument>(HttpMethod.Put, "api/v1/profile", Api.Profile() with { Address = null });

        await billing.Clock.MoveToAsync(new DateTimeOffset(2026, 11, 27, 8, 5, 0, TimeSpan.Zero)); // 03:05 in Toronto
        var deadline = DateTime.UtcNow.AddSeconds(90);
        RecurringResponse after;
        while ((after = await api.OkAsync<RecurringResponse>(HttpMethod.Get, $"api/v1/recurring/{schedule.Id}")).LastProblem is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the recurring job made nothing in 90 s: " + billing.Output);
            await Task.Delay(500);
        }

        var problem = after.LastProblem;
        var invoice = await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{problem.InvoiceId}");
        Assert.Equal((InvoiceStatuses.Draft, first), (invoice.Status, invoice.Date));
        Assert.Contains($"Invoice {invoice.Number} was made as a draft but not emailed", problem.What, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 5, 0, TimeSpan.Zero), problem.At);
        Assert.Equal(problem, Assert.Single((await api.OkAsync<RecurringList>(HttpMethod.Get, "api/v1/recurring")).Items).LastProblem);

        using var browser = new PageClient(billing.BaseAddress);
        (await browser.SignInAsync(api.Email, "correct horse battery")).Dispose();
        foreach (var page in new[] { "recurring", $"recurring/{schedule.Id}" })
        {
            using var response = await browser.GetAsync(page);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(problem.What, html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/invoices/{invoice.Id}\"", html, StringComparison.Ordinal);
        }
    }
}
