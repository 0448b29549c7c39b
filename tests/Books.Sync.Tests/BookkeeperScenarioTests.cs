using BillingBooks.Books.Sync.Tests.Support;
using Dapper;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;
using static BillingBooks.Books.Sync.Tests.Support.Scenario;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// SPEC 3.1 (and 1.7): a bookkeeper synchronizes a client's books under an active contract, and is refused once it ends.
/// </summary>
public class BookkeeperScenarioTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private Uri Server => fixture.Server;

    [Fact]
    public async Task Bookkeeper_imports_the_clients_books_and_is_refused_once_the_contract_ends()
    {
        using var client = await SignUpAsync(Server, "client");
        using var keeper = await SignUpAsync(Server, "keeper");
        var invitation = await client.InviteAsync(keeper.Email);
        await keeper.AcceptAsync(fixture.Billing);
        var customer = await client.AddCustomerAsync("Fabrikam");
        await client.InvoiceAsync(customer.Id, March, Line("Audit", "1", "300.00", "GST"));
        using var books = new BooksCompany();

        var run = books.Sync(Server, keeper, "--client-email", client.Email);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, run.Report.Invoices.Imported);
        Assert.Contains("client", books.Books("settings", "billing-sync").Stdout, StringComparison.Ordinal);

        await client.EndContractAsync(invitation.Id);
        await client.InvoiceAsync(customer.Id, March, Line("Audit 2", "1", "300.00", "GST"));
        var refused = books.WithPassword(keeper.Password, "sync");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("no active bookkeeper contract", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, books.Read(r => r.Connection.QuerySingle<int>("SELECT COUNT(*) FROM invoice")));
    }
}
