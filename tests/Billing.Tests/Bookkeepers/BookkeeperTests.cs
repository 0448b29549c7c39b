using System.Net;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Bookkeepers;

public abstract class BookkeeperTests<T>(T fixture) : ApiTestBase<T>(fixture)
    where T : BillingFixture
{
    private Task<string> MailedTokenAsync(string email) => Mailbox.InvitationTokenAsync(Fixture.MailFolder, email);

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
        Assert.NotNull(invitation.LinkExpiresAt);
        await bookkeeper.ProblemAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "api/v1/customers", dataset: client.AccountId);

        var token = await MailedTokenAsync(bookkeeper.Email);
        var opened = await bookkeeper.OkAsync<Invitation>(HttpMethod.Post, "api/v1/clients/invitation", new InvitationToken(token));
        Assert.Equal((invitation.Id, client.Email), (opened.Id, opened.ClientEmail));
        var accepted = await bookkeeper.OkAsync<Invitation>(HttpMethod.Post, "api/v1/clients/accept", new InvitationToken(token));
        Assert.Equal((InvitationStatuses.Active, (DateTimeOffset?)null), (accepted.Status, accepted.LinkExpiresAt));
        Assert.Equal(invitation.Id, Assert.Single((await bookkeeper.OkAsync<InvitationList>(HttpMethod.Get, "api/v1/clients")).Items).Id);

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

        await client.OkAsync<Invitation>(HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(bookkeeper.Email));
        var firstToken = await MailedTokenAsync(bookkeeper.Email);
        await client.ProblemAsync(HttpStatusCode.Conflict, HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(bookkeeper.Email));
        Assert.Equal(InvitationStatuses.Declined, (await bookkeeper.OkAsync<Invitation>(HttpMethod.Post, "api/v1/clients/decline", new InvitationToken(firstToken))).Status);
        await bookkeeper.ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/v1/clients/accept", new InvitationToken(firstToken));

        var second = await client.OkAsync<Invitation>(HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(bookkeeper.Email));
        var secondToken = await MailedTokenAsync(bookkeeper.Email);
        Assert.NotEqual(firstToken, secondToken);
        Assert.Equal(InvitationStatuses.Withdrawn, (await client.OkAsync<Invitation>(HttpMethod.Post, $"api/v1/bookkeepers/{second.Id}/withdraw")).Status);
        await bookkeeper.ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/v1/clients/accept", new InvitationToken(secondToken));

        // The bookkeeper can end an active contract too.
        var third = await client.OkAsync<Invitation>(HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(bookkeeper.Email));
        await bookkeeper.OkAsync<Invitation>(HttpMethod.Post, "api/v1/clients/accept", new InvitationToken(await MailedTokenAsync(bookkeeper.Email)));
        await bookkeeper.OkAsync<Invitation>(HttpMethod.Post, $"api/v1/clients/{third.Id}/end");
        await bookkeeper.ProblemAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "api/v1/profile", dataset: client.AccountId);
    }

    [Fact]
    public async Task Signing_up_with_the_invited_email_is_not_enough_to_accept_the_invitation()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        // Signing up never proves the mailbox: whoever registers the invited address first gets only that.
        using var client = await Api.ReadyAsync(billing);
        await client.CustomerAsync("Client's customer");
        var invited = $"bookkeeper-{Guid.NewGuid():N}@example.com";
        var invitation = await client.OkAsync<Invitation>(HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(invited));
        using var squatter = await Api.SignUpAsync(billing, invited.ToUpperInvariant());

        Assert.Empty((await squatter.OkAsync<InvitationList>(HttpMethod.Get, "api/v1/clients")).Items);
        foreach (var answer in new[] { "accept", "decline" })
        {
            // Answering by id (the invited email being the only check) is no more.
            using var byId = await squatter.SendAsync(HttpMethod.Post, $"api/v1/clients/{invitation.Id}/{answer}");
            Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        }

        var missing = await squatter.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/clients/accept", new InvitationToken(null));
        Assert.Contains("token", missing.Errors!.Keys);
        var forged = await squatter.ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/v1/clients/accept", new InvitationToken("A" + new string('b', 42)));
        Assert.Contains("invitation link", forged.Detail, StringComparison.Ordinal);
        await squatter.ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/v1/clients/decline", new InvitationToken("forged"));
        await squatter.ProblemAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "api/v1/customers", dataset: client.AccountId);

        var stillPending = await client.OkAsync<InvitationList>(HttpMethod.Get, "api/v1/bookkeepers");
        Assert.Equal(InvitationStatuses.Pending, Assert.Single(stillPending.Items).Status);
    }

    [Fact]
    public async Task An_invitation_link_works_only_for_the_invited_email_and_only_once()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var client = await Api.ReadyAsync(billing);
        using var bookkeeper = await Api.SignUpAsync(billing);
        using var other = await Api.SignUpAsync(billing);
        var invitation = await client.OkAsync<Invitation>(HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(bookkeeper.Email));
        var token = await MailedTokenAsync(bookkeeper.Email);

        // A forwarded email does not make its reader the bookkeeper.
        var wrongAccount = await other.ProblemAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "api/v1/clients/accept", new InvitationToken(token));
        Assert.Contains(bookkeeper.Email, wrongAccount.Detail, StringComparison.Ordinal);
        await other.ProblemAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "api/v1/clients/decline", new InvitationToken(token));
        await other.ProblemAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "api/v1/customers", dataset: client.AccountId);

        await bookkeeper.OkAsync<Invitation>(HttpMethod.Post, "api/v1/clients/accept", new InvitationToken(token));
        var reused = await bookkeeper.ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/v1/clients/accept", new InvitationToken(token));
        Assert.Contains("invitation link", reused.Detail, StringComparison.Ordinal);
        await bookkeeper.ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/v1/clients/decline", new InvitationToken(token));
        await bookkeeper.ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/v1/clients/invitation", new InvitationToken(token));
        Assert.Equal(InvitationStatuses.Active, Assert.Single((await client.OkAsync<InvitationList>(HttpMethod.Get, "api/v1/bookkeepers")).Items).Status);
        Assert.Equal(invitation.Id, Assert.Single((await bookkeeper.OkAsync<InvitationList>(HttpMethod.Get, "api/v1/clients")).Items).Id);
    }

    [Fact]
    public async Task Concurrent_changes_to_one_invitation_let_exactly_one_win()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var client = await Api.SignUpAsync(billing);
        for (var round = 0; round < 8; round++)
        {
            using var bookkeeper = await Api.SignUpAsync(billing);
            var invitation = await client.OkAsync<Invitation>(HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(bookkeeper.Email));
            var token = new InvitationToken(await MailedTokenAsync(bookkeeper.Email));

            // Pending: the client withdraws twice while the bookkeeper accepts.
            var pending = await RaceAsync(
                (client, HttpMethod.Post, $"api/v1/bookkeepers/{invitation.Id}/withdraw", null),
                (client, HttpMethod.Post, $"api/v1/bookkeepers/{invitation.Id}/withdraw", null),
                (bookkeeper, HttpMethod.Post, "api/v1/clients/accept", token));
            var winner = Assert.Single(pending, r => r.Status == HttpStatusCode.OK);
            Assert.All(pending.Where(r => r != winner), r => Assert.Contains(r.Status, new[] { HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity, HttpStatusCode.NotFound }));
            var status = Assert.Single((await client.OkAsync<InvitationList>(HttpMethod.Get, "api/v1/bookkeepers")).Items, i => i.Id == invitation.Id).Status;
            Assert.Contains($"\"status\":\"{status}\"", winner.Body, StringComparison.Ordinal);
            if (status != InvitationStatuses.Active)
            {
                continue;
            }

            // Active: both sides end the contract at once.
            var ending = await RaceAsync(
                (client, HttpMethod.Post, $"api/v1/bookkeepers/{invitation.Id}/end", null),
                (bookkeeper, HttpMethod.Post, $"api/v1/clients/{invitation.Id}/end", null));
            Assert.Single(ending, r => r.Status == HttpStatusCode.OK);
            Assert.Single(ending, r => r.Status is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity);
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)[]> RaceAsync(params (Api Who, HttpMethod Method, string Path, object? Body)[] requests)
    {
        using var start = new SemaphoreSlim(0);
        var running = requests.Select(async r =>
        {
            await start.WaitAsync();
            using var response = await r.Who.SendAsync(r.Method, r.Path, r.Body);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToArray();
        start.Release(requests.Length);
        return await Task.WhenAll(running);
    }
}

public sealed class SqliteBookkeeperTests(SqliteBilling fixture) : BookkeeperTests<SqliteBilling>(fixture);

public sealed class PostgresBookkeeperTests(PostgresBilling fixture) : BookkeeperTests<PostgresBilling>(fixture);

/// <summary>Invitation links expire after their 14 days (own process on a test clock), on both databases.</summary>
public class InvitationExpiryTests
{
    [Fact]
    public Task An_expired_invitation_link_is_refused_on_sqlite() => ExpiresAsync(null);

    [Fact]
    public async Task An_expired_invitation_link_is_refused_on_postgres()
    {
        await using var pg = await TestPostgres.CreateDatabaseAsync();
        if (pg is null)
        {
            Console.WriteLine(TestPostgres.MissingMessage);
            return;
        }

        await ExpiresAsync(pg.AsBillingDatabase());
    }

    private static async Task ExpiresAsync(BillingDatabase? database)
    {
        await using var billing = await BillingProcess.StartAsync(database, clock: ProcessClock.WholeSecondNow());
        using var invited = await Api.SignUpAsync(billing);
        using var invitedBy = await Api.SignUpAsync(billing);
        var invitation = await invitedBy.OkAsync<Invitation>(HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(invited.Email));
        var expires = billing.Clock.Start + TimeSpan.FromDays(14);
        Assert.Equal(expires, invitation.LinkExpiresAt);
        var token = await Mailbox.InvitationTokenAsync(billing.MailFolder!, invited.Email);

        // Two weeks on (both sign in again: their first sign-ins are long over), its last second still opens it; at
        // its expiry it opens nothing.
        await billing.Clock.MoveToAsync(expires - TimeSpan.FromSeconds(1));
        using var bookkeeper = await SignInAsync(billing, invited);
        using var client = await SignInAsync(billing, invitedBy);
        await bookkeeper.OkAsync<Invitation>(HttpMethod.Post, "api/v1/clients/invitation", new InvitationToken(token));
        await billing.Clock.MoveToAsync(expires);
        var expired = await bookkeeper.ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/v1/clients/accept", new InvitationToken(token));
        Assert.Contains("expired", expired.Detail, StringComparison.Ordinal);
        await bookkeeper.ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/v1/clients/invitation", new InvitationToken(token));
        await bookkeeper.ProblemAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "api/v1/customers", dataset: client.AccountId);

        // The owner withdraws it and invites again: a new link that works.
        await client.OkAsync<Invitation>(HttpMethod.Post, $"api/v1/bookkeepers/{invitation.Id}/withdraw");
        await client.OkAsync<Invitation>(HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(bookkeeper.Email));
        var fresh = await Mailbox.InvitationTokenAsync(billing.MailFolder!, bookkeeper.Email);
        Assert.NotEqual(token, fresh);
        await bookkeeper.OkAsync<Invitation>(HttpMethod.Post, "api/v1/clients/accept", new InvitationToken(fresh));
    }

    private static async Task<Api> SignInAsync(BillingProcess billing, Api account)
    {
        var (client, _) = await BillingApi.SignInAsync(billing.BaseAddress, account.Email, "correct horse battery");
        return new Api(client, account.AccountId, account.Email);
    }
}
