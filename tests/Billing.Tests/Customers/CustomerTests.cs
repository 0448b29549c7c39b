using System.Net;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Testing;
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
    public async Task A_language_is_one_Billing_knows_in_any_case_stored_in_lower_case_and_anything_else_is_refused_listing_them()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        var french = await api.OkAsync<CustomerResponse>(HttpMethod.Post, "api/v1/customers", Named("Langue", " FR "));
        Assert.Equal("fr", french.Language);
        Assert.Equal("en", (await api.OkAsync<CustomerResponse>(HttpMethod.Put, $"api/v1/customers/{french.Id}", Named("Langue", "En"))).Language);
        Assert.Null((await api.OkAsync<CustomerResponse>(HttpMethod.Post, "api/v1/customers", Named("No language", " "))).Language);
        foreach (var bad in new[] { "English", "de", "fr-CA", new string('x', 5000) })
        {
            var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/customers", Named("Bad language", bad));
            var message = Assert.Single(Assert.Single(problem.Errors!, e => e.Key == "language").Value);
            Assert.Contains("en (English)", message, StringComparison.Ordinal);
            Assert.Contains("fr (French)", message, StringComparison.Ordinal);
            Assert.True(message.Length < 200, message);
        }

        Assert.Equal(0, (await api.OkAsync<CustomerList>(HttpMethod.Get, "api/v1/customers?search=bad")).Total);
        Assert.Equal("en", Assert.Single(await api.FeedAsync(), c => c.Customer!.Name == "Langue").Customer!.Language);
    }

    [Fact]
    public async Task A_language_stored_before_the_rule_is_read_and_fed_as_it_was_and_must_be_fixed_at_the_next_edit()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        var kept = await api.OkAsync<CustomerResponse>(HttpMethod.Post, "api/v1/customers", Named("Old free text, kept", "fr"));
        var deleted = await api.OkAsync<CustomerResponse>(HttpMethod.Post, "api/v1/customers", Named("Old free text, deleted", "fr"));
        // What an older Billing could store: any text up to 35 characters, in the records and in their feed rows.
        await using (var db = Fixture.Kind == "postgres"
            ? Database.Postgres(((BillingDatabase.Postgres)billing.Database).ConnectionString)
            : Database.Sqlite(((BillingDatabase.Sqlite)billing.Database).Path))
        await using (var connection = await db.OpenAsync())
        {
            foreach (var table in new[] { "customers", "feed" })
            {
                Assert.Equal(2, await Dapper.SqlMapper.ExecuteAsync(connection,
                    $"UPDATE {table} SET doc = REPLACE(doc, '\"language\":\"fr\"', '\"language\":\"Français\"') WHERE account_id = @account",
                    new { account = long.Parse(api.AccountId, System.Globalization.CultureInfo.InvariantCulture) }));
            }
        }

        Assert.Equal("Français", (await api.OkAsync<CustomerResponse>(HttpMethod.Get, $"api/v1/customers/{kept.Id}")).Language);
        Assert.All((await api.OkAsync<CustomerList>(HttpMethod.Get, "api/v1/customers")).Items, c => Assert.Equal("Français", c.Language));
        Assert.All(await api.FeedAsync(), c => Assert.Equal("Français", c.Customer!.Language));

        // An edit that keeps it is refused on that field alone; one that fixes it goes through; a delete does not check it.
        var refused = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, $"api/v1/customers/{kept.Id}", Named("Old free text, kept", "Français"));
        Assert.Equal(["language"], refused.Errors!.Keys.ToArray());
        Assert.Equal("fr", (await api.OkAsync<CustomerResponse>(HttpMethod.Put, $"api/v1/customers/{kept.Id}", Named("Old free text, kept", "fr"))).Language);
        using (var delete = await api.SendAsync(HttpMethod.Delete, $"api/v1/customers/{deleted.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var tombstone = Assert.Single(await api.FeedAsync(), c => c.Deleted);
        Assert.Equal("Français", tombstone.Customer!.Language);
    }

    private static CustomerRequest Named(string name, string? language) => new(name, null, null, null, null, language, null, null, null);

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

    [Theory]
    [InlineData("montreal", new[] { "Montréal Café" })]
    [InlineData("MONTRÉAL", new[] { "Montréal Café" })]
    [InlineData("cafe", new[] { "CAFÉ NOIR", "Cafe Olé", "Montréal Café" })]
    [InlineData("Cafe\u0301", new[] { "CAFÉ NOIR", "Cafe Olé", "Montréal Café" })]
    [InlineData("lodz", new[] { "Łódź Textiles" })]
    [InlineData("oresund", new[] { "Øresund ApS" })]
    [InlineData("oeuvre", new[] { "Œuvre & Cie" })]
    [InlineData("strasse", new[] { "Müller Straße GmbH" })]
    [InlineData("muller", new[] { "Müller Straße GmbH" })]
    [InlineData("ζητα", new[] { "Ζήτα Marine" })]
    [InlineData("が", new[] { "がっこう" })]
    public async Task Search_ignores_accents_and_case(string search, string[] expected)
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        foreach (var name in new[] { "Montréal Café", "Cafe Olé", "CAFÉ NOIR", "Łódź Textiles", "Øresund ApS", "Œuvre & Cie", "Müller Straße GmbH", "Ζήτα Marine", "がっこう", "かっこう" })
        {
            await api.CustomerAsync(name);
        }

        var found = await api.OkAsync<CustomerList>(HttpMethod.Get, $"api/v1/customers?search={Uri.EscapeDataString(search)}");
        Assert.Equal(expected, found.Items.Select(c => c.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(expected.Length, found.Total);
    }

    [Fact]
    public async Task Search_ignoring_accents_still_pages_in_name_order()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        foreach (var name in new[] { "Épicerie Delta", "epicerie Alpha", "ÉPICERIE Gamma", "Epicerie Beta", "Boulangerie" })
        {
            await api.CustomerAsync(name);
        }

        var page = await api.OkAsync<CustomerList>(HttpMethod.Get, "api/v1/customers?search=EPICERIE&offset=1&limit=2");
        Assert.Equal(4, page.Total);
        Assert.Equal(["Epicerie Beta", "Épicerie Delta"], page.Items.Select(c => c.Name).ToArray());
    }

    [Fact]
    public async Task Search_takes_percent_and_underscore_as_they_are_typed()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        foreach (var name in new[] { "A_B Ltd", "AxB Ltd", "100% Bio", "1000 Bio" })
        {
            await api.CustomerAsync(name);
        }

        Assert.Equal(["A_B Ltd"], (await api.OkAsync<CustomerList>(HttpMethod.Get, "api/v1/customers?search=a_b")).Items.Select(c => c.Name).ToArray());
        Assert.Equal(["100% Bio"], (await api.OkAsync<CustomerList>(HttpMethod.Get, "api/v1/customers?search=0%25")).Items.Select(c => c.Name).ToArray());
    }

    [Fact]
    public async Task Customers_saved_before_the_search_keys_are_found_ignoring_accents_after_the_upgrade()
    {
        if (Billing is null)
        {
            return;
        }

        // A database of its own (this one is stopped and started again), of the fixture's kind.
        await using var postgres = Fixture.Kind == "postgres" ? await TestPostgres.CreateDatabaseAsync() : null;
        var folder = Directory.CreateTempSubdirectory("billing-upgrade-").FullName;
        try
        {
            var database = postgres?.AsBillingDatabase() ?? new BillingDatabase.Sqlite(Path.Combine(folder, "billing.db"));
            var email = $"upgrade-{Guid.NewGuid():N}@example.com";
            await using (var before = await BillingProcess.StartAsync(database))
            {
                using var api = await Api.SignUpAsync(before, email);
                foreach (var name in new[] { "Montréal Café", "Québec Fleurs", "Plain Name" })
                {
                    await api.CustomerAsync(name);
                }
            }

            // Back to the schema before the search keys: no column, its migrations not run.
            await using (var db = postgres is not null ? Database.Postgres(postgres.ConnectionString) : Database.Sqlite(((BillingDatabase.Sqlite)database).Path))
            await using (var connection = await db.OpenAsync())
            {
                await Dapper.SqlMapper.ExecuteAsync(connection, "ALTER TABLE customers DROP COLUMN search_key");
                Assert.Equal(2, await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM schemaversions WHERE scriptname LIKE '%customer_search_key%'"));
            }

            await using var after = await BillingProcess.StartAsync(database);
            var (client, token) = await BillingApi.SignInAsync(after.BaseAddress, email, "correct horse battery");
            using var upgraded = new Api(client, token.AccountId, email);
            Assert.Equal(["Montréal Café"], (await upgraded.OkAsync<CustomerList>(HttpMethod.Get, "api/v1/customers?search=montreal")).Items.Select(c => c.Name).ToArray());
            Assert.Equal(["Québec Fleurs"], (await upgraded.OkAsync<CustomerList>(HttpMethod.Get, "api/v1/customers?search=QUEBEC")).Items.Select(c => c.Name).ToArray());
            Assert.Equal(3, (await upgraded.OkAsync<CustomerList>(HttpMethod.Get, "api/v1/customers?search=e")).Total);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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
