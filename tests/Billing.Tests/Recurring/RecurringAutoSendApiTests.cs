using System.Net;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Recurring;

/// <summary>
/// A schedule with recipients mails each new invoice unattended, so its template must be one that can be sent (SPEC
/// 1.4: a customer, at least one line and a total above zero); a drafts-only schedule may keep a template to complete
/// by hand each time.
/// </summary>
public abstract class RecurringAutoSendApiTests<T>(T fixture) : ApiTestBase<T>(fixture)
    where T : BillingFixture
{
    private static readonly DateOnly Start = new(2030, 11, 26);

    [Fact]
    public async Task A_schedule_that_mails_a_template_that_could_never_be_sent_is_refused_at_its_recipients()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        var noLines = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/recurring", new RecurringRequest(
            new InvoiceRequest(customer.Id, null, Start, Start, null, null, null, null, null, null, []), Frequencies.Weekly, Start, null, ["zoe@cafeole.example"]));
        Assert.Contains("at least one line", Assert.Single(noLines.Errors!["recipients"]), StringComparison.Ordinal);
        Assert.Single(noLines.Errors!);

        var zero = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/recurring", new RecurringRequest(
            Api.Invoice(customer.Id, Api.Line("0", "100.00")), Frequencies.Weekly, Start, null, ["zoe@cafeole.example"]));
        Assert.Contains("total above zero", Assert.Single(zero.Errors!["recipients"]), StringComparison.Ordinal);
        Assert.Empty((await api.OkAsync<RecurringList>(HttpMethod.Get, "api/v1/recurring")).Items);
    }

    [Fact]
    public async Task A_drafts_only_schedule_may_keep_an_incomplete_template_but_cannot_be_given_recipients_until_complete()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        var template = Api.Invoice(customer.Id, Api.Line("0", "85.00")) with { Date = Start, DueDate = Start.AddDays(14) }; // hours filled in each month
        var drafts = await api.OkAsync<RecurringResponse>(HttpMethod.Post, "api/v1/recurring", new RecurringRequest(template, Frequencies.Monthly, Start, null, []));

        var mailed = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, $"api/v1/recurring/{drafts.Id}", new RecurringRequest(
            template, Frequencies.Monthly, Start, null, ["ap@example.com"]));
        Assert.Equal(["recipients"], mailed.Errors!.Keys);
        Assert.Empty((await api.OkAsync<RecurringResponse>(HttpMethod.Get, $"api/v1/recurring/{drafts.Id}")).Recipients);

        var complete = await api.OkAsync<RecurringResponse>(HttpMethod.Put, $"api/v1/recurring/{drafts.Id}", new RecurringRequest(
            template with { Lines = [Api.Line("10", "85.00")] }, Frequencies.Monthly, Start, null, ["ap@example.com"]));
        Assert.Equal(["ap@example.com"], complete.Recipients);
    }
}

public sealed class SqliteRecurringAutoSendApiTests(SqliteBilling fixture) : RecurringAutoSendApiTests<SqliteBilling>(fixture);

public sealed class PostgresRecurringAutoSendApiTests(PostgresBilling fixture) : RecurringAutoSendApiTests<PostgresBilling>(fixture);
