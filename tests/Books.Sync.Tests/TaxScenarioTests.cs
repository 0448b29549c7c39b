using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Sync.Tests.Support;
using Dapper;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;
using static BillingBooks.Books.Sync.Tests.Support.Scenario;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// SPEC 3.3 and 3.4 taxes: a line whose taxes no tax code has exactly waits with the command that creates the code,
/// and the conflicts are retried when something they depend on changed, not at every run.
/// </summary>
public class TaxScenarioTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private Uri Server => fixture.Server;

    [Fact]
    public async Task Missing_tax_code_is_a_conflict_with_its_command_until_the_code_exists()
    {
        using var billing = await SignUpAsync(Server);
        await ChargesGstAndPstAsync(billing);
        var customer = await billing.AddCustomerAsync("Litware");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "GST", "PST"));
        await billing.PayAsync(invoice, "50.00", March);
        using var books = new BooksCompany();

        var first = books.Sync(Server, billing);

        Assert.True(first.ExitCode == 2, first.ToString());
        var conflicts = first.Report.Conflicts;
        Assert.Equal(2, conflicts.Count);
        Assert.Contains($"Invoice {invoice.Number}: line 1 needs a tax code with exactly GST 5% + PST 8%: books --file {books.Path} tax-codes add G5P8 --tax GST:5 --tax PST:8", conflicts.Select(c => c.Message));
        Assert.Contains(conflicts, c => c.Message.Contains("waits for Invoice", StringComparison.Ordinal));
        Assert.False(first.Report.Reconciliation.Clean && first.Report.Reconciliation.Differences.Count == 0);
        Assert.All(first.Report.Reconciliation.Differences, d => Assert.True(d.Expected, d.What));

        // The user runs exactly the command the conflict gives.
        var fix = conflicts.Single(c => c.Fix?.Contains("tax-codes add", StringComparison.Ordinal) == true).Fix!;
        var fixed_ = books.Books(ShellWords(fix)[3..]); // "books --file PATH" is what BooksCompany adds itself
        Assert.True(fixed_.ExitCode == 0, fixed_.ToString());
        var second = SyncAgainCleanly(books, billing);
        Assert.Empty(second.Report.Conflicts);
        Assert.Equal((1, 1), (second.Report.Invoices.Imported, second.Report.Payments.Imported));
    }

    [Fact]
    public async Task Conflicts_are_not_retried_after_a_run_that_changed_nothing_they_depend_on()
    {
        using var billing = await SignUpAsync(Server);
        await ChargesGstAndPstAsync(billing);
        var customer = await billing.AddCustomerAsync("Litware");
        await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "GST", "PST"));
        using var books = new BooksCompany();
        Assert.True(books.Sync(Server, billing).ExitCode == 2);

        // A run that posts something unrelated (an invoice without taxes)...
        await billing.InvoiceAsync(customer.Id, March, Line("Other work", "1", "40.00"));
        var posting = books.Sync(Server, billing);
        Assert.True(posting.ExitCode == 2, posting.ToString());
        Assert.Equal((1, 1), (posting.Report.Invoices.Imported, posting.Report.ConflictCount));
        var tried = LastTried(books);

        // ...does not make the next run retry every conflict: none of them can succeed (a file may hold very many).
        var quiet = books.Sync(Server, billing);
        Assert.True(quiet.ExitCode == 2, quiet.ToString());
        Assert.Equal(tried, LastTried(books));

        // The fix the conflict names still makes the next run retry it.
        Assert.Equal(0, books.Books("tax-codes", "add", "G5P8", "--tax", "GST:5", "--tax", "PST:8").ExitCode);
        Assert.Equal(0, SyncAgainCleanly(books, billing).Report.ConflictCount);
    }

    /// <summary>A Billing profile with GST 5% and PST 8%, a pair no tax code of a new Books company has.</summary>
    private static Task<ProfileDocument> ChargesGstAndPstAsync(BillingAccount billing) =>
        billing.SendAsync<ProfileDocument>(HttpMethod.Put, "api/v1/profile", new ProfileDocument("Acme Ltd", "Ann", new Address("1 Main St", null, "Halifax", "NS", "B3H 1A1", "CA"),
            null, null, null, "America/Halifax", "CAD", null, null, [new TaxDefinition("GST", "5", true, null), new TaxDefinition("PST", "8", true, null)]));

    private static string LastTried(BooksCompany books) =>
        books.Read(r => r.Connection.QuerySingle<string>("SELECT group_concat(last_tried) FROM sync_conflict", transaction: r.Transaction));
}
