using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;
using BillingBooks.Money;

namespace BillingBooks.Billing.Tests.Seeding;

/// <summary>`billing seed` on both databases: realistic data the API and the feed agree on.</summary>
public class SeedTests
{
    private static readonly string[] Arguments =
        ["--email", "seed@example.com", "--password", "seed password 1", "--customers", "30", "--invoices", "400", "--payments", "200", "--random-seed", "7"];

    [Fact]
    public async Task Seeded_sqlite_data_is_realistic_and_the_summary_matches_the_feed()
    {
        var directory = Directory.CreateTempSubdirectory("billing-seed-").FullName;
        try
        {
            await CheckAsync(new BillingDatabase.Sqlite(Path.Combine(directory, "seed.db")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Seeded_postgres_data_is_realistic_and_the_summary_matches_the_feed()
    {
        await using var postgres = await TestPostgres.CreateDatabaseAsync();
        if (postgres is null)
        {
            return;
        }

        await CheckAsync(postgres.AsBillingDatabase());
    }

    [Fact]
    public async Task The_same_random_seed_gives_the_same_data()
    {
        var directory = Directory.CreateTempSubdirectory("billing-seed-").FullName;
        try
        {
            var documents = new List<string[]>();
            foreach (var name in new[] { "a.db", "b.db" })
            {
                var database = new BillingDatabase.Sqlite(Path.Combine(directory, name));
                var (code, output) = await BillingProcess.SeedAsync(database, Arguments);
                Assert.True(code == 0, output);
                await using var billing = await BillingProcess.StartAsync(database);
                var (client, token) = await BillingApi.SignInAsync(billing.BaseAddress, "seed@example.com", "seed password 1");
                using var api = new Api(client, token.AccountId, "seed@example.com");
                documents.Add((await api.FeedAsync()).Select(c => System.Text.Json.JsonSerializer.Serialize(c with { Invoice = c.Invoice is null ? null : c.Invoice with { Date = default, DueDate = default } })).ToArray());
            }

            Assert.Equal(documents[0], documents[1]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task History_days_bounds_the_dates_and_no_payment_is_dated_in_the_future()
    {
        var directory = Directory.CreateTempSubdirectory("billing-seed-").FullName;
        try
        {
            var database = new BillingDatabase.Sqlite(Path.Combine(directory, "recent.db"));
            var (code, output) = await BillingProcess.SeedAsync(database, [.. Arguments, "--history-days", "30"]);
            Assert.True(code == 0, output);
            await using var billing = await BillingProcess.StartAsync(database);
            var (client, token) = await BillingApi.SignInAsync(billing.BaseAddress, "seed@example.com", "seed password 1");
            using var api = new Api(client, token.AccountId, "seed@example.com");
            var feed = await api.FeedAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            Assert.All(feed.Where(c => c.Invoice is not null), c => Assert.InRange(c.Invoice!.Date, today.AddDays(-31), today));
            Assert.All(feed.Where(c => c.Payment is not null), c => Assert.InRange(c.Payment!.Date, today.AddDays(-31), today));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task History_days_below_one_is_refused_with_what_to_pass()
    {
        var (code, output) = await BillingProcess.SeedAsync(new BillingDatabase.Sqlite(Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.db")), [.. Arguments, "--history-days", "0"]);
        Assert.Equal(1, code);
        Assert.Contains("--history-days wants a whole number of days, 1 or more", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_with_a_password_the_api_would_refuse_says_what_to_pass()
    {
        foreach (var password in new[] { "short", new string('p', 129) })
        {
            var (code, output) = await BillingProcess.SeedAsync(new BillingDatabase.Sqlite(Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.db")), "--email", "a@example.com", "--password", password);
            Assert.Equal(1, code);
            Assert.Contains("--password of 10 to 128 characters is required", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Seed_without_an_email_says_what_to_pass()
    {
        var (code, output) = await BillingProcess.SeedAsync(new BillingDatabase.Sqlite(Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.db")), "--password", "0123456789");
        Assert.Equal(1, code);
        Assert.Contains("--email is required", output, StringComparison.Ordinal);
    }

    private static async Task CheckAsync(BillingDatabase database)
    {
        var (code, output) = await BillingProcess.SeedAsync(database, Arguments);
        Assert.True(code == 0, output);
        Assert.Contains("30 customers, 400 invoices, 200 payments", output, StringComparison.Ordinal);

        await using var billing = await BillingProcess.StartAsync(database);
        var (client, token) = await BillingApi.SignInAsync(billing.BaseAddress, "seed@example.com", "seed password 1");
        using var api = new Api(client, token.AccountId, "seed@example.com");
        var feed = await api.FeedAsync(limit: 97);
        var invoices = feed.Where(c => c.Kind == ChangeKinds.Invoice).Select(c => c.Invoice!).ToArray();
        var payments = feed.Where(c => c.Kind == ChangeKinds.Payment).ToArray();
        Assert.Equal(30, feed.Count(c => c.Kind == ChangeKinds.Customer));
        Assert.Contains(feed, c => c.Customer?.Name.Any(ch => ch > 127) == true);
        Assert.Superset(new HashSet<string> { "CAD", "USD", "EUR", "JPY" }, invoices.Select(i => i.Currency).ToHashSet());
        Assert.Superset(new HashSet<string> { "sent", "changed", "partly_paid", "paid", "void" }, invoices.Select(i => i.Status).ToHashSet());
        Assert.Contains(invoices, i => i.Taxes.Any(t => t.ChargedOn is not null) && i.Taxes.Count == 3);
        Assert.Contains(feed, c => c.Deleted && c.Kind == ChangeKinds.Invoice);
        Assert.Contains(payments, c => c.Deleted);
        Assert.Superset(
            new HashSet<string> { "cash", "cheque", "credit_card", "paypal", "other" },
            payments.Select(p => p.Payment!.Method).ToHashSet());
        Assert.All(payments.Where(p => p.Payment!.Method == PaymentMethods.Cheque), p => Assert.NotNull(p.Payment!.ChequeNumber));
        Assert.Contains(payments, p => p.Payment!.Applications.Count > 1);
        // No payment is dated before an invoice it pays (Books refuses such a receipt, so the demo's sync would not be clean).
        var invoiceDates = invoices.ToDictionary(i => i.Id, i => i.Date);
        Assert.All(payments.SelectMany(p => p.Payment!.Applications.Select(a => (p.Payment!.Date, Invoice: invoiceDates[a.InvoiceId]))), pair => Assert.True(pair.Date >= pair.Invoice, $"payment of {pair.Date} pays an invoice of {pair.Invoice}"));

        // Every live invoice's owing is its total less what its live payments apply; a void one owes nothing.
        var applied = payments.Where(p => !p.Deleted).SelectMany(p => p.Payment!.Applications)
            .GroupBy(a => a.InvoiceId).ToDictionary(g => g.Key, g => g.Sum(a => decimal.Parse(a.Amount, System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var invoice in invoices)
        {
            var currency = Currency.Get(invoice.Currency);
            Assert.Equal(Money.Money.Parse(invoice.Paid, currency).Amount, applied.GetValueOrDefault(invoice.Id));
            var owing = invoice.Status == InvoiceStatuses.Void ? Money.Money.Zero(currency) : Money.Money.Parse(invoice.Total, currency) - Money.Money.Parse(invoice.Paid, currency);
            Assert.Equal(owing, Money.Money.Parse(invoice.Owing, currency));
        }

        var summary = await api.OkAsync<DatasetSummary>(HttpMethod.Get, $"api/v1/datasets/{api.AccountId}/summary");
        Assert.Equal(feed[^1].Cursor, summary.Through);
        var live = feed.Where(c => c.Kind == ChangeKinds.Invoice && !c.Deleted && c.Invoice!.Status != InvoiceStatuses.Void).Select(c => c.Invoice!).ToArray();
        foreach (var totals in summary.Currencies)
        {
            var currency = Currency.Get(totals.Currency);
            var owing = Money.Money.Sum(live.Where(i => i.Currency == totals.Currency).Select(i => Money.Money.Parse(i.Owing, currency)), currency);
            Assert.Equal(owing.ToDecimalString(), totals.Owing);
        }

        // Per customer and per tax too: the running totals were built from the seeded feed on first use.
        var byCustomer = live.GroupBy(i => (i.CustomerId, i.Currency)).ToDictionary(g => g.Key, g => Money.Money.Sum(g.Select(i => Money.Money.Parse(i.Owing, Currency.Get(i.Currency))), Currency.Get(g.Key.Currency)).ToDecimalString());
        Assert.Equal(byCustomer.OrderBy(p => p.Key.CustomerId, StringComparer.Ordinal).ThenBy(p => p.Key.Currency, StringComparer.Ordinal).Select(p => (p.Key.CustomerId, p.Key.Currency, p.Value)),
            summary.Customers.Select(c => (c.CustomerId, c.Currency, c.Owing)));
        var taxes = live.SelectMany(i => i.Taxes.Select(t => (i.Currency, t.Name, t.Rate, Amount: Money.Money.Parse(t.Amount, Currency.Get(i.Currency)))))
            .GroupBy(t => (t.Currency, t.Name, t.Rate)).ToDictionary(g => g.Key, g => Money.Money.Sum(g.Select(t => t.Amount), Currency.Get(g.Key.Currency)).ToDecimalString());
        Assert.Equal(taxes.Count, summary.Taxes.Count);
        Assert.All(summary.Taxes, t => Assert.Equal(taxes[(t.Currency, t.Name, t.Rate)], t.Amount));

        // Seeded customers are found ignoring accents, as customers added through the API are.
        var cafes = feed.Where(c => c.Kind == ChangeKinds.Customer && !c.Deleted && c.Customer!.Name.Contains("Café", StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Customer!.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(cafes);
        Assert.Equal(cafes, (await api.OkAsync<CustomerList>(HttpMethod.Get, "api/v1/customers?search=CAFE&limit=100")).Items.Select(c => c.Name).Order(StringComparer.Ordinal).ToArray());

        // The seeded account works like any other.
        var customer = await api.CustomerAsync("Added after seeding");
        Assert.NotNull(customer.Id);
    }
}
