using System.Text.Json.Nodes;
using BillingBooks.Books.Sync.Tests.Support;

namespace BillingBooks.Books.Sync.Tests.Client;

/// <summary>
/// Billing's summary with a figure the sync cannot read (a mangling proxy, a faulty Billing) is bad input, not a bug:
/// what was imported stays, the reconciliation says it could not compare and why, and the next sync compares.
/// </summary>
public class MalformedSummaryTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    [Theory]
    [InlineData("currencies[0].invoiced", "\"abc\"", "has an unreadable currencies[0].invoiced 'abc': not an amount")]
    [InlineData("currencies[0].currency", "\"ZZZ\"", "has an unreadable currencies[0].currency 'ZZZ': not an ISO 4217 currency code")]
    [InlineData("customers[0].owing", "\"1.001\"", "has an unreadable customers[0].owing '1.001': CAD amounts have at most 2 decimals")]
    [InlineData("customers[0].customerId", "null", "came without its customers[0].customerId")]
    [InlineData("taxes[0].amount", "null", "came without its taxes[0].amount")]
    [InlineData("taxes[0].name", "null", "came without its taxes[0].name")]
    [InlineData("taxes[0]", "null", "came without its taxes[0]")]
    [InlineData("customers", "null", "came without its customers")]
    public async Task A_summary_with_a_figure_the_sync_cannot_read_leaves_the_reconciliation_for_the_next_sync_instead_of_crashing(string path, string json, string says)
    {
        using var billing = await BillingAccount.SignUpAsync(fixture.Server);
        await History.InvoicesAsync(billing, 3, customers: 2);
        using var proxy = new FaultProxy(fixture.Server, faultRate: 0, seed: 1, stall: TimeSpan.Zero) { Healthy = true };
        proxy.Rewrite = (pathAndQuery, body) =>
        {
            if (!pathAndQuery.Contains("/summary", StringComparison.Ordinal)) return body;
            var summary = JsonNode.Parse(body)!.AsObject();
            MangledItem.Set(path, json)(summary);
            return System.Text.Encoding.UTF8.GetBytes(summary.ToJsonString());
        };
        using var books = new BooksCompany();

        var run = books.Sync(proxy.Address, billing);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(run.Report.Reconciliation.Compared, run.ToString());
        Assert.Contains("Billing's summary could not be read", run.Report.Reconciliation.Note, StringComparison.Ordinal);
        Assert.Contains($"Billing's summary {says}", run.Report.Reconciliation.Note, StringComparison.Ordinal);
        Assert.Equal(3, books.Read(r => r.Sales.List(DateOnly.MinValue, DateOnly.MaxValue).Count));
        Assert.Empty(books.Read(BooksInvariants.Problems));

        proxy.Rewrite = null;
        Scenario.SyncAgainCleanly(books, billing);
    }
}
