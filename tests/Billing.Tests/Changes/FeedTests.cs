using System.Globalization;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Changes;

public abstract class FeedTests<T>(T fixture) : ApiTestBase<T>(fixture)
    where T : BillingFixture
{
    [Fact]
    public async Task Drafts_and_quotes_stay_out_until_an_invoice_is_sent()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        var draft = await api.DraftAsync(Api.Invoice(customer.Id));
        await api.OkAsync<InvoiceResponse>(HttpMethod.Post, "api/v1/quotes", Api.Invoice(customer.Id));
        var before = await api.FeedAsync();
        Assert.Equal([ChangeKinds.Customer], before.Select(c => c.Kind).ToArray());

        await api.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/invoices/{draft.Id}/mark-sent");
        var after = await api.FeedAsync(after: before[^1].Cursor);
        var sent = Assert.Single(after);
        Assert.Equal((ChangeKinds.Invoice, draft.Id, 1, InvoiceStatuses.Sent), (sent.Kind, sent.Id, sent.Version, sent.Invoice!.Status));
        Assert.Equal(["GST", "QST"], sent.Invoice.Taxes.Select(t => t.Name).ToArray());
        Assert.Equal(["GST", "QST"], sent.Invoice.Lines[0].Taxes);
    }

    [Fact]
    public async Task Pages_follow_next_until_has_more_is_false()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        for (var i = 0; i < 7; i++)
        {
            await api.CustomerAsync($"Page {i}");
        }

        var first = await api.OkAsync<ChangePage>(HttpMethod.Get, $"api/v1/datasets/{api.AccountId}/changes?limit=3");
        Assert.Equal(3, first.Items.Count);
        Assert.True(first.HasMore);
        Assert.Equal(first.Items[^1].Cursor, first.Next);
        var all = await api.FeedAsync(limit: 3);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"Page {i}"), all.Select(c => c.Customer!.Name));
        var end = await api.OkAsync<ChangePage>(HttpMethod.Get, $"api/v1/datasets/{api.AccountId}/changes?after={all[^1].Cursor}");
        Assert.Empty(end.Items);
        Assert.False(end.HasMore);
        Assert.Equal(all[^1].Cursor, end.Next);
    }

    [Fact]
    public async Task Summary_adds_up_the_feed_with_the_cursor_it_includes()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        var a = await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "100.00")));
        await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "200.00", "GST")));
        var voided = await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "999.00")));
        await api.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/invoices/{voided.Id}/void");
        await api.DraftAsync(Api.Invoice(customer.Id, Api.Line("1", "5000.00")));
        await api.PayAsync(customer.Id, "50.00", (a.Id, "50.00"));
        var summary = await api.OkAsync<DatasetSummary>(HttpMethod.Get, $"api/v1/datasets/{api.AccountId}/summary");
        var feed = await api.FeedAsync();
        Assert.Equal(feed[^1].Cursor, summary.Through);
        // 100 + 5 + 9.98 (=114.98) and 200 + 10 (=210.00)
        var cad = Assert.Single(summary.Currencies);
        Assert.Equal(("CAD", "324.98", "50.00", "274.98"), (cad.Currency, cad.Invoiced, cad.Paid, cad.Owing));
        Assert.Equal([("GST", "15.00"), ("QST", "9.98")], summary.Taxes.Select(t => (t.Name, t.Amount)).ToArray());
        Assert.Equal("274.98", Assert.Single(summary.Customers).Owing);
    }

    [Fact]
    public async Task Summary_totals_kept_at_every_write_equal_what_the_feed_documents_add_up_to()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var ann = await api.CustomerAsync("Ann");
        var bob = await api.CustomerAsync("Bob");
        var a = await api.SentAsync(Api.Invoice(ann.Id, Api.Line("1", "100.00", "GST")));
        var b = await api.SentAsync(Api.Invoice(bob.Id, Api.Line("2", "40.00", "GST", "QST")));
        var c = await api.SentAsync(Api.Invoice(bob.Id, Api.Line("1", "10.00")));
        var paid = await api.PayAsync(ann.Id, "30.00", (a.Id, "30.00"));
        await api.PayAsync(bob.Id, "50.00", (b.Id, "50.00"));
        // A payment deleted, then its invoice moved to another customer with other taxes; one voided; a draft deleted.
        using (await api.SendAsync(HttpMethod.Delete, $"api/v1/payments/{paid.Id}"))
        {
        }

        await api.OkAsync<InvoiceResponse>(HttpMethod.Put, $"api/v1/invoices/{a.Id}", Api.Invoice(bob.Id, Api.Line("3", "50.00", "QST")));
        await api.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/invoices/{c.Id}/void");

        var draft = await api.DraftAsync(Api.Invoice(ann.Id));
        using (await api.SendAsync(HttpMethod.Delete, $"api/v1/invoices/{draft.Id}"))
        {
        }

        var summary = await api.OkAsync<DatasetSummary>(HttpMethod.Get, $"api/v1/datasets/{api.AccountId}/summary");
        var feed = await api.FeedAsync();
        Assert.Equal(feed[^1].Cursor, summary.Through);
        var counted = feed.Where(x => x.Kind == ChangeKinds.Invoice && !x.Deleted && x.Invoice!.Status != InvoiceStatuses.Void).Select(x => x.Invoice!).ToArray();
        static string Sum(IEnumerable<string> amounts) => amounts.Sum(x => decimal.Parse(x, CultureInfo.InvariantCulture)).ToString("0.00", CultureInfo.InvariantCulture);
        Assert.Equal(
            counted.GroupBy(i => (i.CustomerId, i.Currency)).OrderBy(g => g.Key.CustomerId, StringComparer.Ordinal)
                .Select(g => (g.Key.CustomerId, g.Key.Currency, Sum(g.Select(i => i.Total)), Sum(g.Select(i => i.Paid)), Sum(g.Select(i => i.Owing)))).ToArray(),
            summary.Customers.Select(x => (x.CustomerId, x.Currency, x.Invoiced, x.Paid, x.Owing)).ToArray());
        Assert.Equal(
            counted.SelectMany(i => i.Taxes.Select(t => (i.Currency, t.Name, t.Rate, t.Amount))).GroupBy(t => (t.Currency, t.Name, t.Rate))
                .OrderBy(g => g.Key.Name, StringComparer.Ordinal).Select(g => (g.Key.Currency, g.Key.Name, g.Key.Rate, Sum(g.Select(t => t.Amount)))).ToArray(),
            summary.Taxes.Select(t => (t.Currency, t.Name, t.Rate, t.Amount)).ToArray());
        var cad = Assert.Single(summary.Currencies);
        Assert.Equal((Sum(counted.Select(i => i.Total)), Sum(counted.Select(i => i.Owing))), (cad.Invoiced, cad.Owing));
        // Ann's only invoice moved to Bob: she is no longer listed.
        Assert.Equal([bob.Id], summary.Customers.Select(x => x.CustomerId).ToArray());
    }

    [Fact]
    public async Task Summary_of_an_account_from_before_the_running_totals_is_built_from_its_feed()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        var a = await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "100.00", "GST")));
        await api.SentAsync(Api.Invoice(customer.Id, Api.Line("2", "30.00", "QST")));
        var expected = await api.OkAsync<DatasetSummary>(HttpMethod.Get, $"api/v1/datasets/{api.AccountId}/summary");

        // What migration 0101 leaves for an existing account: no totals, marked to be built.
        await using (var db = billing.Database is BillingDatabase.Postgres pg ? BillingBooks.Billing.Storage.Database.Postgres(pg.ConnectionString) : BillingBooks.Billing.Storage.Database.Sqlite(((BillingDatabase.Sqlite)billing.Database).Path))
        await using (var connection = await db.OpenAsync())
        {
            var account = long.Parse(api.AccountId, CultureInfo.InvariantCulture);
            foreach (var table in new[] { "summary_customers", "summary_currencies", "summary_taxes" })
            {
                await Dapper.SqlMapper.ExecuteAsync(connection, $"DELETE FROM {table} WHERE account_id = @account", new { account });
            }

            await Dapper.SqlMapper.ExecuteAsync(connection, "INSERT INTO summary_unbuilt (account_id) VALUES (@account)", new { account });
        }

        // A write before the first summary, then the summary: built from the feed, this write included.
        await api.PayAsync(customer.Id, "5.00", (a.Id, "5.00"));
        var built = await api.OkAsync<DatasetSummary>(HttpMethod.Get, $"api/v1/datasets/{api.AccountId}/summary");

        var cad = Assert.Single(built.Currencies);
        var before = Assert.Single(expected.Currencies);
        Assert.Equal((before.Invoiced, "5.00"), (cad.Invoiced, cad.Paid));
        Assert.Equal(expected.Taxes.Select(t => (t.Name, t.Amount)), built.Taxes.Select(t => (t.Name, t.Amount)));
        Assert.Equal(cad.Owing, Assert.Single(built.Customers).Owing);
        var again = await api.OkAsync<DatasetSummary>(HttpMethod.Get, $"api/v1/datasets/{api.AccountId}/summary");
        Assert.Equal(cad, Assert.Single(again.Currencies));
    }

    [Fact]
    public async Task Summary_of_an_account_without_invoices_has_no_rows()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        await api.CustomerAsync("Nobody invoiced");
        var summary = await api.OkAsync<DatasetSummary>(HttpMethod.Get, $"api/v1/datasets/{api.AccountId}/summary");
        Assert.Equal((0, 0, 0), (summary.Customers.Count, summary.Currencies.Count, summary.Taxes.Count));
        var changed = await api.OkAsync<DatasetSummary>(HttpMethod.Get, $"api/v1/datasets/{api.AccountId}/summary?changedAfter=0&customers=1");
        Assert.Empty(changed.Customers);
    }

    [Fact]
    public async Task Summary_lists_the_customers_changed_after_a_cursor_and_those_named()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var ann = await api.CustomerAsync("Ann");
        var bob = await api.CustomerAsync("Bob");
        var cid = await api.CustomerAsync("Cid");
        var a = await api.SentAsync(Api.Invoice(ann.Id, Api.Line("1", "100.00")));
        await api.SentAsync(Api.Invoice(bob.Id, Api.Line("1", "200.00")));
        await api.SentAsync(Api.Invoice(cid.Id, Api.Line("1", "300.00")));
        var before = await api.OkAsync<DatasetSummary>(HttpMethod.Get, $"api/v1/datasets/{api.AccountId}/summary");
        Assert.Equal(3, before.Customers.Count);

        await api.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/invoices/{a.Id}/void");
        var changed = await api.OkAsync<DatasetSummary>(HttpMethod.Get, $"api/v1/datasets/{api.AccountId}/summary?changedAfter={before.Through}&customers={cid.Id}");

        // Ann changed (her balance is now nothing, listed as zero so a reader can see it went), Cid was named;
        // the totals are the whole account's.
        var cidOwing = before.Customers.Single(x => x.CustomerId == cid.Id).Owing;
        Assert.Equal([(ann.Id, "0.00"), (cid.Id, cidOwing)], changed.Customers.Select(x => (x.CustomerId, x.Owing)).OrderBy(x => x.Item2, StringComparer.Ordinal).ToArray());
        var stillOwing = before.Customers.Where(x => x.CustomerId != ann.Id).Sum(x => decimal.Parse(x.Owing, CultureInfo.InvariantCulture));
        Assert.Equal(stillOwing.ToString("0.00", CultureInfo.InvariantCulture), Assert.Single(changed.Currencies).Owing);
        var nothing = await api.OkAsync<DatasetSummary>(HttpMethod.Get, $"api/v1/datasets/{api.AccountId}/summary?changedAfter={changed.Through}");
        Assert.Empty(nothing.Customers);
        var problem = await api.ProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity, HttpMethod.Get, $"api/v1/datasets/{api.AccountId}/summary?changedAfter=x");
        Assert.Contains("changedAfter", problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_bad_cursor_is_a_field_error()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        var problem = await api.ProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity, HttpMethod.Get, $"api/v1/datasets/{api.AccountId}/changes?after=abc");
        Assert.Contains("after", problem.Errors!.Keys);
    }

    /// <summary>
    /// SPEC 1.8: the cursor never skips a change, even one committed after a later one began. Eight writers make
    /// 100 changes each (create a customer, then rename it) while a reader pages the feed; the reader ends
    /// with every record at its last version, each (record, version) at most once, cursors strictly increasing.
    /// </summary>
    [Fact]
    public async Task Concurrent_writers_never_make_the_reader_skip_a_change()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        const int writers = 8;
        const int customersPerWriter = 50;
        var writing = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < customersPerWriter; i++)
            {
                var customer = await api.CustomerAsync($"W{w} C{i}");
                await api.OkAsync<CustomerResponse>(HttpMethod.Put, $"api/v1/customers/{customer.Id}", new CustomerRequest(
                    $"W{w} C{i} renamed", null, null, null, null, null, null, null, null));
            }
        })).ToArray();
        var allWritten = Task.WhenAll(writing);

        var seen = new List<Change>();
        var after = "0";
        while (true)
        {
            var done = allWritten.IsCompleted;
            var page = await api.OkAsync<ChangePage>(HttpMethod.Get, $"api/v1/datasets/{api.AccountId}/changes?after={after}&limit=37");
            seen.AddRange(page.Items);
            after = page.Next;
            if (done && !page.HasMore)
            {
                break;
            }

            if (!page.HasMore)
            {
                await Task.Delay(5);
            }
        }

        await allWritten;
        var cursors = seen.Select(c => long.Parse(c.Cursor, CultureInfo.InvariantCulture)).ToArray();
        Assert.True(cursors.Zip(cursors.Skip(1)).All(p => p.First < p.Second), "cursors strictly increase");
        Assert.Equal(seen.Count, seen.Select(c => (c.Id, c.Version)).Distinct().Count());
        var last = seen.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.Last());
        Assert.Equal(writers * customersPerWriter, last.Count);
        Assert.All(last.Values, c => Assert.Equal((2, true), (c.Version, c.Customer!.Name.EndsWith(" renamed", StringComparison.Ordinal))));
    }
}

public sealed class SqliteFeedTests(SqliteBilling fixture) : FeedTests<SqliteBilling>(fixture);

public sealed class PostgresFeedTests(PostgresBilling fixture) : FeedTests<PostgresBilling>(fixture);
