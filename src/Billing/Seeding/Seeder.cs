using System.Data;
using System.Globalization;
using System.Text.Json;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Changes;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Customers;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;
using BillingBooks.Money;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace BillingBooks.Billing.Seeding;

public sealed record SeedCounts(long AccountId, int Customers, int Invoices, int Payments, long FeedRows);

/// <summary>
/// Writes seed data straight into the tables with prepared INSERTs in large transactions, each holding the
/// account's lock like any other write, so the feed's sequences stay in commit order. Deterministic for a
/// given --random-seed. Run it while no server writes to the same database (it assigns ids itself).
/// </summary>
internal sealed class Seeder(Database db, SeedOptions options, PasswordHasher<AccountRow> hasher, TimeProvider clock)
{
    private const int ChunkSize = 20_000;
    private static readonly string[] Methods = [PaymentMethods.Cash, PaymentMethods.Cheque, PaymentMethods.CreditCard, PaymentMethods.PayPal, PaymentMethods.Other];
    private static readonly string[] Brands = [CardBrands.Visa, CardBrands.Master, CardBrands.AmericanExpress, CardBrands.Discover, CardBrands.DinersClub, CardBrands.Jcb];

    private readonly Random _random = new(options.RandomSeed);
    private readonly DateOnly _today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    private long _feedRows;
    private int _paymentCount;
    private int _methodIndex;

    public async Task<(SeedCounts? Counts, string? Error)> RunAsync()
    {
        var account = await FindOrCreateAccountAsync().ConfigureAwait(false);
        if (account.Error is not null)
        {
            return (null, account.Error);
        }

        var accountId = new AccountId(account.Id);
        ProfileDocument profile;
        await using (var session = await db.BeginSnapshotAsync().ConfigureAwait(false))
        {
            profile = await Profiles.ReadAsync(session, accountId).ConfigureAwait(false);
        }

        var customers = await SeedCustomersAsync(accountId).ConfigureAwait(false);
        var live = customers.Where(c => !c.Deleted).Select(c => c.Customer).ToArray();
        var invoicesLeft = options.Invoices;
        var paymentsLeft = options.Payments;
        while (invoicesLeft > 0)
        {
            var size = Math.Min(ChunkSize, invoicesLeft);
            var payments = (int)((long)paymentsLeft * size / invoicesLeft);
            await SeedChunkAsync(accountId, profile, live, size, payments).ConfigureAwait(false);
            invoicesLeft -= size;
            paymentsLeft -= payments;
        }

        if (db.Dialect == Dialect.Postgres)
        {
            await using var connection = await db.OpenAsync().ConfigureAwait(false);
            foreach (var table in new[] { "customers", "invoices", "payments" })
            {
                await connection.ExecuteAsync($"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)").ConfigureAwait(false);
            }
        }

        return (new SeedCounts(account.Id, customers.Count, options.Invoices, _paymentCount, _feedRows), null);
    }

    private async Task<(long Id, string? Error)> FindOrCreateAccountAsync()
    {
        await using var session = await db.BeginAsync().ConfigureAwait(false);
        var key = AccountEndpoints.EmailKey(options.Email);
        var existing = await session.QuerySingleOrDefaultAsync<AccountRow>(
            "SELECT id AS Id, email AS Email, password_hash AS PasswordHash FROM accounts WHERE email_key = @key", new { key }).ConfigureAwait(false);
        if (existing is not null)
        {
            return hasher.VerifyHashedPassword(existing, existing.PasswordHash, options.Password) == PasswordVerificationResult.Failed
                ? (0, $"the account {options.Email} exists with another password; pass its password or another --email")
                : (existing.Id, null);
        }

        var profile = new ProfileDocument(
            "Boutique Érable Inc.", "Geneviève Lavoie", new Address("1234, rue Sainte-Catherine Ouest", "Bureau 500", "Montréal", "QC", "H3G 1P1", "CA"),
            "514-555-0100", null, "https://erable.example", "America/Toronto", "CAD", "Merci de votre confiance !", "Valid for 30 days.",
            [new TaxDefinition("GST", "5", true, null), new TaxDefinition("QST", "9.975", true, null), new TaxDefinition("Eco fee", "1.5", true, "GST")]);
        var id = await session.QuerySingleAsync<long>(
            "INSERT INTO accounts (email, email_key, password_hash, created_at, last_seq, profile) VALUES (@email, @key, @hash, @now, 0, @profile) RETURNING id",
            new
            {
                email = options.Email,
                key,
                hash = hasher.HashPassword(new AccountRow(0, key, ""), options.Password),
                now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                profile = Profiles.Serialize(profile),
            }).ConfigureAwait(false);
        await session.CommitAsync().ConfigureAwait(false);
        return (id, null);
    }

    private sealed record SeededCustomer(CustomerResponse Customer, bool Deleted);

    private async Task<List<SeededCustomer>> SeedCustomersAsync(AccountId account)
    {
        var result = new List<SeededCustomer>();
        await using var write = (await db.BeginAccountWriteAsync(account).ConfigureAwait(false))!;
        var taken = (await write.QueryAsync<string>("SELECT name_key FROM customers WHERE account_id = @a AND deleted = 0", new { a = account.Value }).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        var nextId = await NextIdAsync(write, "customers").ConfigureAwait(false);
        using var insert = new Bulk(write.Connection, write.Transaction, "customers",
            ("id", DbType.Int64), ("account_id", DbType.Int64), ("name", DbType.String), ("name_key", DbType.String), ("search_key", DbType.String), ("deleted", DbType.Int64), ("version", DbType.Int64), ("doc", DbType.String));
        using var feed = FeedInsert(write);
        for (var i = 0; i < options.Customers; i++)
        {
            var name = SeedData.CompanyNames[i % SeedData.CompanyNames.Length];
            for (var n = 2; taken.Contains(CustomerRules.NameKey(name)); n++)
            {
                name = $"{SeedData.CompanyNames[i % SeedData.CompanyNames.Length]} ({n})";
            }

            taken.Add(CustomerRules.NameKey(name));
            var place = SeedData.Places[_random.Next(SeedData.Places.Length)];
            var first = SeedData.FirstNames[_random.Next(SeedData.FirstNames.Length)];
            var last = SeedData.LastNames[_random.Next(SeedData.LastNames.Length)];
            var contacts = new List<ContactDocument> { new(first, last, $"{Ascii(first)}.{Ascii(last)}@customer{i}.example", "555-0100", true) };
            if (_random.Next(3) == 0)
            {
                contacts.Add(new ContactDocument("Accounts", "Payable", $"ap@customer{i}.example", null, false));
            }

            var id = nextId++;
            var edited = _random.Next(10) == 0;
            var deleted = _random.Next(40) == 0;
            var customer = new CustomerResponse(
                id.ToString(CultureInfo.InvariantCulture), name,
                new Address($"{10 + _random.Next(990)} Main Street", null, place.City, place.Province, place.Country == "CA" ? "H2X 1Y4" : place.Country == "US" ? "10001" : "12345", place.Country),
                "555-0199", null, null, place.Country is "CA" && place.Province == "QC" ? "fr" : "en", place.Currency, contacts, place.Taxes, edited ? 2 : 1);
            var version = customer.Version + (deleted ? 1 : 0);
            insert.Run(id, account.Value, name, CustomerRules.NameKey(name), CustomerSearchKey.Of(name), deleted ? 1L : 0L, (long)version, JsonSerializer.Serialize(customer, Json.Options));
            WriteFeed(feed, write, ChangeKinds.Customer, id, version, deleted, JsonSerializer.Serialize(CustomerStore.ToDocument(customer), Json.Options));
            result.Add(new SeededCustomer(customer, deleted));
        }

        insert.Flush();
        feed.Flush();
        await write.CommitAsync().ConfigureAwait(false);
        return result;
    }

    private sealed record Draft(InvoiceState State, long Total, bool Deleted)
    {
        public long Paid { get; set; }
    }

    private async Task SeedChunkAsync(AccountId account, ProfileDocument profile, CustomerResponse[] customers, int count, int paymentCount)
    {
        await using var write = (await db.BeginAccountWriteAsync(account).ConfigureAwait(false))!;
        // The feed rows below bypass Feed.WriteAsync: the summary's running totals are added up here instead.
        var totals = new SummaryTotals.Batch();
        var nextInvoice = await NextIdAsync(write, "invoices").ConfigureAwait(false);
        var nextPayment = await NextIdAsync(write, "payments").ConfigureAwait(false);
        var nextNumber = await write.QuerySingleAsync<long>(
            "SELECT COALESCE(MAX(number_value), 0) + 1 FROM invoices WHERE account_id = @a AND kind = 'invoice'", new { a = account.Value }).ConfigureAwait(false);
        var profileTaxes = (profile.Taxes ?? []).Where(t => t.Enabled).ToArray();

        var drafts = new List<Draft>(count);
        for (var i = 0; i < count; i++)
        {
            drafts.Add(MakeInvoice(nextInvoice++, (nextNumber++).ToString(CultureInfo.InvariantCulture), customers[_random.Next(customers.Length)], profileTaxes));
        }

        var payable = drafts.Where(d => d.State.IsSentFamily && !d.Deleted).ToList();
        var payments = new List<(long Id, PaymentDocument Document, bool Deleted, int Version)>();
        for (var p = 0; p < paymentCount && payable.Count > 0; p++)
        {
            payments.Add(MakePayment(nextPayment++, payable));
        }

        using (var insertInvoice = new Bulk(write.Connection, write.Transaction, "invoices",
                   ("id", DbType.Int64), ("account_id", DbType.Int64), ("kind", DbType.String), ("customer_id", DbType.Int64), ("number", DbType.String),
                   ("number_key", DbType.String), ("number_value", DbType.Int64), ("status", DbType.String), ("date", DbType.String), ("due_date", DbType.String),
                   ("currency", DbType.String), ("total", DbType.Int64), ("paid", DbType.Int64), ("deleted", DbType.Int64), ("revision", DbType.Int64),
                   ("in_feed", DbType.Int64), ("doc", DbType.String)))
        using (var insertVersion = new Bulk(write.Connection, write.Transaction, "invoice_versions",
                   ("invoice_id", DbType.Int64), ("revision", DbType.Int64), ("account_id", DbType.Int64), ("saved_at", DbType.String), ("doc", DbType.String)))
        using (var feed = FeedInsert(write))
        {
            foreach (var d in drafts)
            {
                var s = d.State;
                insertInvoice.Run(
                    s.Id, account.Value, s.Kind, s.CustomerId, s.Number, InvoiceStore.NumberKey(s.Number), InvoiceStore.NumberValue(s.Number),
                    s.StatusWith(d.Paid, d.Total), Date(s.Date), Date(s.DueDate), s.Currency, d.Total, d.Paid, d.Deleted ? 1L : 0L, (long)s.Revision,
                    s.InFeed ? 1L : 0L, InvoiceStore.Serialize(s));
                if (s.Revision > 1)
                {
                    var previous = s with { Stage = InvoiceStatuses.Sent, Revision = 1, Lines = s.Lines.Take(Math.Max(1, s.Lines.Count - 1)).ToArray() };
                    insertVersion.Run(s.Id, 1L, account.Value, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), InvoiceStore.Serialize(previous));
                }

                if (s.InFeed)
                {
                    var version = s.Revision + (d.Paid > 0 ? 1 : 0) + (d.Deleted ? 1 : 0) + (s.Stage == InvoiceStatuses.Void ? 1 : 0);
                    var document = InvoiceViews.ToDocument(s, d.Paid);
                    var seq = WriteFeed(feed, write, ChangeKinds.Invoice, s.Id, version, d.Deleted, JsonSerializer.Serialize(document, Json.Options));
                    totals.Add(document, d.Deleted, seq);
                }
            }

            using var insertPayment = new Bulk(write.Connection, write.Transaction, "payments",
                ("id", DbType.Int64), ("account_id", DbType.Int64), ("customer_id", DbType.Int64), ("currency", DbType.String), ("amount", DbType.Int64),
                ("date", DbType.String), ("deleted", DbType.Int64), ("version", DbType.Int64), ("doc", DbType.String));
            using var insertApplication = new Bulk(write.Connection, write.Transaction, "payment_applications",
                ("payment_id", DbType.Int64), ("invoice_id", DbType.Int64), ("account_id", DbType.Int64), ("amount", DbType.Int64));
            foreach (var (id, document, deleted, version) in payments)
            {
                var currency = Currency.Get(document.Currency);
                var json = JsonSerializer.Serialize(document, Json.Options);
                insertPayment.Run(
                    id, account.Value, long.Parse(document.CustomerId, CultureInfo.InvariantCulture), document.Currency, Money.Money.Parse(document.Amount, currency).MinorUnits,
                    Date(document.Date), deleted ? 1L : 0L, (long)version, json);
                if (!deleted)
                {
                    foreach (var application in document.Applications)
                    {
                        insertApplication.Run(id, long.Parse(application.InvoiceId, CultureInfo.InvariantCulture), account.Value, Money.Money.Parse(application.Amount, currency).MinorUnits);
                    }
                }

                WriteFeed(feed, write, ChangeKinds.Payment, id, version, deleted, json);
            }

            // In foreign-key order (PostgreSQL sends each table with one COPY here).
            insertInvoice.Flush();
            insertVersion.Flush();
            insertPayment.Flush();
            insertApplication.Flush();
            feed.Flush();
        }

        await totals.WriteAsync(write).ConfigureAwait(false);
        await write.CommitAsync().ConfigureAwait(false);
        _paymentCount += payments.Count;
    }

    private Draft MakeInvoice(long id, string number, CustomerResponse customer, TaxDefinition[] profileTaxes)
    {
        var taxes = (customer.Taxes ?? profileTaxes).Where(t => t.Enabled).ToArray();
        var currency = Currency.Get(customer.Currency);
        var lines = new List<InvoiceLineRequest>();
        var lineCount = 1 + _random.Next(4);
        for (var l = 0; l < lineCount; l++)
        {
            var quantity = new[] { 1m, 1m, 2m, 3m, 0.5m, 1.25m, 10m, 7.5m }[_random.Next(8)];
            var maxMinor = currency.MinorUnits switch { 0 => 20_000L, 3 => 500_000L, _ => 200_000L };
            var price = Money.Money.FromMinorUnits(currency.MinorUnits == 0 ? 100 + _random.NextInt64(maxMinor) : 500 + _random.NextInt64(maxMinor), currency);
            var ticked = taxes.Where(_ => _random.Next(6) != 0).Select(t => t.Name!).ToArray();
            lines.Add(new InvoiceLineRequest(
                SeedData.Units[_random.Next(SeedData.Units.Length)], SeedData.Items[_random.Next(SeedData.Items.Length)],
                quantity.ToString("0.####", CultureInfo.InvariantCulture), price.ToDecimalString(), ticked));
        }

        DiscountRequest? discount = _random.Next(10) switch
        {
            0 => new DiscountRequest("percent", new[] { "5", "10", "12.5" }[_random.Next(3)]),
            1 => new DiscountRequest("amount", Money.Money.FromMinorUnits(currency.MinorUnits == 0 ? 100 : 1000, currency).ToDecimalString()),
            _ => null,
        };
        var date = _today.AddDays(-_random.Next(options.HistoryDays));
        var roll = _random.Next(100);
        var stage = roll < 8 ? InvoiceStatuses.Draft : roll < 11 ? InvoiceStatuses.Void : roll < 16 ? InvoiceStatuses.Changed : InvoiceStatuses.Sent;
        var state = new InvoiceState(
            id, InvoiceKinds.Invoice, long.Parse(customer.Id, CultureInfo.InvariantCulture), number, date, date.AddDays(new[] { 0, 15, 30, 30, 45 }[_random.Next(5)]),
            _random.Next(4) == 0 ? $"PO-{_random.Next(10_000, 99_999)}" : null, null, customer.Currency, stage, discount, null,
            customer.Contacts.FirstOrDefault(c => c.IsDefault)?.Email, lines, taxes, stage == InvoiceStatuses.Changed ? 2 : 1, stage != InvoiceStatuses.Draft, null);
        var totals = state.Compute();
        if (totals.Discount > totals.Subtotal)
        {
            state = state with { Discount = null };
            totals = state.Compute();
        }

        return new Draft(state, totals.Total.MinorUnits, Deleted: _random.Next(50) == 0);
    }

    private (long Id, PaymentDocument Document, bool Deleted, int Version) MakePayment(long id, List<Draft> payable)
    {
        var first = payable[_random.Next(payable.Count)];
        var targets = new List<Draft> { first };
        if (_random.Next(7) == 0)
        {
            var second = payable.FirstOrDefault(d => d != first && d.State.CustomerId == first.State.CustomerId && d.State.Currency == first.State.Currency);
            if (second is not null)
            {
                targets.Add(second);
            }
        }

        var currency = Currency.Get(first.State.Currency);
        var deleted = _random.Next(30) == 0;
        var applications = new List<PaymentApplicationDocument>();
        long amount = 0;
        foreach (var target in targets)
        {
            var owing = target.Total - target.Paid;
            var part = _random.Next(3) == 0 ? Math.Max(1, owing / 2) : owing;
            if (!deleted)
            {
                target.Paid += part;
                if (target.Paid >= target.Total)
                {
                    payable.Remove(target);
                }
            }

            amount += part;
            applications.Add(new PaymentApplicationDocument(target.State.Id.ToString(CultureInfo.InvariantCulture), Money.Money.FromMinorUnits(part, currency).ToDecimalString()));
        }

        var method = Methods[_methodIndex++ % Methods.Length];
        var document = new PaymentDocument(
            id.ToString(CultureInfo.InvariantCulture),
            first.State.CustomerId.ToString(CultureInfo.InvariantCulture),
            // Paid some days after the latest invoice it pays (never before it: Books refuses a receipt dated
            // before its invoice), but never in the future.
            Min(targets.Max(t => t.State.Date).AddDays(_random.Next(40)), _today),
            Money.Money.FromMinorUnits(amount, currency).ToDecimalString(),
            currency.Code,
            method,
            method == PaymentMethods.CreditCard ? Brands[_random.Next(Brands.Length)] : null,
            method == PaymentMethods.Cheque ? _random.Next(100, 9999).ToString(CultureInfo.InvariantCulture) : null,
            _random.Next(5) == 0 ? "Thank you" : null,
            applications);
        var version = 1 + (_random.Next(15) == 0 ? 1 : 0) + (deleted ? 1 : 0);
        return (id, document, deleted, version);
    }

    private static Bulk FeedInsert(AccountWrite write) => new(write.Connection, write.Transaction, "feed",
        ("account_id", DbType.Int64), ("kind", DbType.String), ("record_id", DbType.Int64), ("seq", DbType.Int64), ("version", DbType.Int64), ("deleted", DbType.Int64), ("doc", DbType.String));

    private long WriteFeed(Bulk feed, AccountWrite write, string kind, long id, int version, bool deleted, string doc)
    {
        var seq = write.NextSeq();
        feed.Run(write.Account.Value, kind, id, seq, (long)version, deleted ? 1L : 0L, doc);
        _feedRows++;
        return seq;
    }

    private static async Task<long> NextIdAsync(Session session, string table) =>
        await session.QuerySingleAsync<long>($"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").ConfigureAwait(false);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Ascii(string text) =>
        new string(text.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant();

    private static DateOnly Min(DateOnly a, DateOnly b) => a <= b ? a : b;
}
