using System.Net;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Bookkeepers;

public abstract class BookkeeperTests<T>(T fixture) : ApiTestBase<T>(fixture)
    where T : BillingFixture
{
    [Fact]
    public async Task A_bookkeeper_reads_a_client_under_contract_and_loses_access_when_it_ends()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var client = await Api.ReadyAsync(billing);
        using var bookkeeper = await Api.SignUpAsync(billing);
        var customer = await client.CustomerAsync("Client's customer");
        await client.SentAsync(Api.Invoice(customer.Id));

        var invitation = await client.OkAsync<Invitation>(HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(bookkeeper.Email.ToUpperInvariant()));
        Assert.Equal(InvitationStatuses.Pending, invitation.Status);
        await bookkeeper.ProblemAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "api/v1/customers", dataset: client.AccountId);

        var received = await bookkeeper.OkAsync<InvitationList>(HttpMethod.Get, "api/v1/clients");
        Assert.Equal(invitation.Id, Assert.Single(received.Items).Id);
        await bookkeeper.OkAsync<Invitation>(HttpMethod.Post, $"api/v1/clients/{invitation.Id}/accept");

        var datasets = await bookkeeper.OkAsync<DatasetList>(HttpMethod.Get, "api/v1/datasets");
        Assert.Contains(datasets.Items, d => d.Id == client.AccountId && d.Relation == DatasetRelations.Client && d.Company == "Acme Ltée");
        var customers = await bookkeeper.OkAsync<CustomerList>(HttpMethod.Get, "api/v1/customers", dataset: client.AccountId);
        Assert.Equal("Client's customer", Assert.Single(customers.Items).Name);
        Assert.Single(await bookkeeper.OkAsync<InvoiceReport>(HttpMethod.Get, "api/v1/reports/invoices", dataset: client.AccountId) is var r ? r.Rows : []);
        Assert.Equal(2, (await bookkeeper.FeedAsync(client.AccountId)).Count);

        var write = await bookkeeper.ProblemAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "api/v1/customers",
            new CustomerRequest("Sneaky", null, null, null, null, null, null, null, null), dataset: client.AccountId);
        Assert.Contains("read-only", write.Detail, StringComparison.Ordinal);

        await client.OkAsync<Invitation>(HttpMethod.Post, $"api/v1/bookkeepers/{invitation.Id}/end");
        await bookkeeper.ProblemAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "api/v1/customers", dataset: client.AccountId);
        await bookkeeper.ProblemAsync(HttpStatusCode.Forbidden, HttpMethod.Get, $"api/v1/datasets/{client.AccountId}/changes");
        Assert.DoesNotContain((await bookkeeper.OkAsync<DatasetList>(HttpMethod.Get, "api/v1/datasets")).Items, d => d.Id == client.AccountId);
    }

    [Fact]
    public async Task Invitations_can_be_declined_withdrawn_and_never_sent_to_oneself()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var client = await Api.SignUpAsync(billing);
        using var bookkeeper = await Api.SignUpAsync(billing);
        var self = await client.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(client.Email));
        Assert.Contains("email", self.Errors!.Keys);

        var first = await client.OkAsync<Invitation>(HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(bookkeeper.Email));
        await client.ProblemAsync(HttpStatusCode.Conflict, HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(bookkeeper.Email));
        Assert.Equal(InvitationStatuses.Declined, (await bookkeeper.OkAsync<Invitation>(HttpMethod.Post, $"api/v1/clients/{first.Id}/decline")).Status);
        await bookkeeper.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"api/v1/clients/{first.Id}/accept");

        var second = await client.OkAsync<Invitation>(HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(bookkeeper.Email));
        Assert.Equal(InvitationStatuses.Withdrawn, (await client.OkAsync<Invitation>(HttpMethod.Post, $"api/v1/bookkeepers/{second.Id}/withdraw")).Status);
        await bookkeeper.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"api/v1/clients/{second.Id}/accept");

        // The bookkeeper can end an active contract too.
        var third = await client.OkAsync<Invitation>(HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(bookkeeper.Email));
        await bookkeeper.OkAsync<Invitation>(HttpMethod.Post, $"api/v1/clients/{third.Id}/accept");
        await bookkeeper.OkAsync<Invitation>(HttpMethod.Post, $"api/v1/clients/{third.Id}/end");
        await bookkeeper.ProblemAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "api/v1/profile", dataset: client.AccountId);
    }
}

public sealed class SqliteBookkeeperTests(SqliteBilling fixture) : BookkeeperTests<SqliteBilling>(fixture);

public sealed class PostgresBookkeeperTests(PostgresBilling fixture) : BookkeeperTests<PostgresBilling>(fixture);
