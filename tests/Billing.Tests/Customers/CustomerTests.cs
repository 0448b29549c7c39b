using System.Net;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Customers;

public abstract class CustomerTests<T>(T fixture) : ApiTestBase<T>(fixture)
    where T : BillingFixture
{
    [Fact]
    public async Task A_contact_email_the_mail_server_would_refuse_is_refused_naming_the_contact()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/customers", new CustomerRequest(
            "Mailless", null, null, null, null, null, null,
            [new ContactDocument("Bob", null, "ok@example.com", null, true), new ContactDocument("Bob", null, "bob@", null, false), new ContactDocument("Al", null, "a@b c@d", null, false)], null));
        Assert.Equal(["contacts[1].email", "contacts[2].email"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Names_are_unique_ignoring_case_but_a_deleted_name_is_free_again()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        var first = await api.CustomerAsync("Société Générale");
        var clash = await api.ProblemAsync(HttpStatusCode.Conflict, HttpMethod.Post, "api/v1/customers",
            new CustomerRequest("SOCIÉTÉ GÉNÉRALE", null, null, null, null, null, null, null, null));
        Assert.Contains("name", clash.Errors!.Keys);
        // The same name with its accents typed as combining marks (NFD) is the same name, stored composed.
        var decomposed = await api.ProblemAsync(HttpStatusCode.Conflict, HttpMethod.Post, "api/v1/customers",
            new CustomerRequest("Socie\u0301te\u0301 Ge\u0301ne\u0301rale", null, null, null, null, null, null, null, null));
        Assert.Contains("name", decomposed.Errors!.Keys);
        Assert.Equal("Caf\u00e9 Noir", (await api.CustomerAsync("Cafe\u0301 Noir")).Name);
        using (var delete = await api.SendAsync(HttpMethod.Delete, $"api/v1/customers/{first.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        await api.ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"api/v1/customers/{first.Id}");
        var again = await api.CustomerAsync("société générale");
        Assert.NotEqual(first.Id, again.Id);
    }

    [Fact]
    public async Task List_searches_and_pages()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        foreach (var name in new[] { "Alpha Café", "Beta Café", "Gamma Books", "Delta Café" })
        {
            await api.CustomerAsync(name);
        }

        var cafes = await api.OkAsync<CustomerList>(HttpMethod.Get, "api/v1/customers?search=caf&limit=2&offset=1");
        Assert.Equal(3, cafes.Total);
        Assert.Equal(["Beta Café", "Delta Café"], cafes.Items.Select(c => c.Name).ToArray());
    }

    [Fact]
    public async Task The_first_contact_becomes_the_default_and_only_one_may_be()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        var customer = await api.OkAsync<CustomerResponse>(HttpMethod.Post, "api/v1/customers", new CustomerRequest(
            "Contacts Inc", null, null, null, null, null, "usd",
            [new ContactDocument("A", null, "a@example.com", null, false), new ContactDocument("B", null, "b@example.com", null, false)], null));
        Assert.True(customer.Contacts[0].IsDefault);
        Assert.Equal("USD", customer.Currency);
        var two = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, $"api/v1/customers/{customer.Id}", new CustomerRequest(
            "Contacts Inc", null, null, null, null, null, null,
            [new ContactDocument("A", null, null, null, true), new ContactDocument("B", null, null, null, true)], null));
        Assert.Contains("contacts", two.Errors!.Keys);
    }

    [Fact]
    public async Task A_customer_is_in_the_feed_and_its_delete_is_a_tombstone()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        var customer = await api.CustomerAsync("Ōkami Studio 龍");
        await api.OkAsync<CustomerResponse>(HttpMethod.Put, $"api/v1/customers/{customer.Id}", new CustomerRequest(
            "Ōkami Studio 龍", new Address("1 Main", null, "Tokyo", null, null, "JP"), null, null, null, null, null, null, null));
        using (await api.SendAsync(HttpMethod.Delete, $"api/v1/customers/{customer.Id}"))
        {
        }

        var feed = await api.FeedAsync();
        var change = Assert.Single(feed);
        Assert.True(change.Deleted);
        Assert.Equal(3, change.Version);
        Assert.Equal("Ōkami Studio 龍", change.Customer!.Name);
        Assert.Equal("Tokyo", change.Customer.Address.City);
    }
}

public sealed class SqliteCustomerTests(SqliteBilling fixture) : CustomerTests<SqliteBilling>(fixture);

public sealed class PostgresCustomerTests(PostgresBilling fixture) : CustomerTests<PostgresBilling>(fixture);
