using System.Net;
using System.Text.RegularExpressions;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Recurring;

/// <summary>
/// Deleting a customer ends its recurring schedules at once, saying so; they stopped at their next date with
/// "Some fields are not valid; see errors for each field", which told the owner nothing.
/// </summary>
public abstract partial class RecurringCustomerDeletedTests<T>(T fixture) : ApiTestBase<T>(fixture)
    where T : BillingFixture
{
    private static readonly DateOnly Start = new(2030, 11, 26);

    [Fact]
    public async Task Deleting_a_customer_ends_its_schedules_at_once_saying_whose_and_when()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var cafe = await api.CustomerAsync("Café Olé");
        var other = await api.CustomerAsync("Other");
        RecurringRequest Schedule(string customerId) => new(
            Api.Invoice(customerId) with { Date = Start, DueDate = Start.AddDays(14) }, Frequencies.Monthly, Start, null, ["zoe@cafeole.example"]);
        var mailed = await api.OkAsync<RecurringResponse>(HttpMethod.Post, "api/v1/recurring", Schedule(cafe.Id));
        var drafts = await api.OkAsync<RecurringResponse>(HttpMethod.Post, "api/v1/recurring", Schedule(cafe.Id) with { Recipients = [] });
        var kept = await api.OkAsync<RecurringResponse>(HttpMethod.Post, "api/v1/recurring", Schedule(other.Id));

        using (var deleted = await api.SendAsync(HttpMethod.Delete, $"api/v1/customers/{cafe.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        foreach (var id in new[] { mailed.Id, drafts.Id })
        {
            var ended = await api.OkAsync<RecurringResponse>(HttpMethod.Get, $"api/v1/recurring/{id}");
            Assert.Null(ended.NextDate);
            Assert.Matches(Deleted(), ended.StoppedBecause);
        }

        var still = await api.OkAsync<RecurringResponse>(HttpMethod.Get, $"api/v1/recurring/{kept.Id}");
        Assert.Equal((Start, null), (still.NextDate, still.StoppedBecause));
    }

    [GeneratedRegex(@"^the customer Café Olé was deleted on \d{4}-\d{2}-\d{2}$")]
    private static partial Regex Deleted();
}

public sealed class SqliteRecurringCustomerDeletedTests(SqliteBilling fixture) : RecurringCustomerDeletedTests<SqliteBilling>(fixture);

public sealed class PostgresRecurringCustomerDeletedTests(PostgresBilling fixture) : RecurringCustomerDeletedTests<PostgresBilling>(fixture);
