using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Customers;
using BillingBooks.Billing.Recurring;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Email;
using BillingBooks.Billing.Testing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BillingBooks.Billing.Tests.Recurring;

/// <summary>
/// The generator on a real database, SQLite and PostgreSQL (the Sqlite*/Postgres* classes below), driven by a fake
/// clock (no process needed). Without PostgreSQL outside CI, the PostgreSQL tests return early.
/// </summary>
public abstract class RecurringInvoicesTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("billing-recurring-").FullName;
    private TestPostgresDatabase? _postgres;
    private Database? _database;
    private AccountId _account;
    private string _customerId = "";

    protected abstract bool OnPostgres { get; }

    /// <summary>False when this database is not available (PostgreSQL outside CI): the test then returns.</summary>
    private bool Available => _database is not null;

    private Database Db => _database ?? throw new InvalidOperationException("No database: return when !Available.");

    public async Task InitializeAsync()
    {
        if (OnPostgres)
        {
            _postgres = await TestPostgres.CreateDatabaseAsync("billing_recurring");
            if (_postgres is null)
            {
                Console.WriteLine(TestPostgres.MissingMessage);
                return;
            }

            _database = Database.Postgres(_postgres.ConnectionString);
        }
        else
        {
            _database = Database.Sqlite(Path.Combine(_directory, "billing.db"));
        }

        Db.Migrate();
        await using (var session = await Db.BeginAsync())
        {
            var profile = Profiles.Default("Acme") with { TimeZone = "America/Vancouver", Taxes = [new TaxDefinition("GST", "5", true, null)] };
            _account = new AccountId(await session.QuerySingleAsync<long>(
                "INSERT INTO accounts (email, email_key, password_hash, created_at, last_seq, profile) VALUES ('r@example.com', 'r@example.com', 'x', '2026-01-01', 0, @profile) RETURNING id",
                new { profile = Profiles.Serialize(profile) }));
            await session.CommitAsync();
        }

        await using var write = (await Db.BeginAccountWriteAsync(_account))!;
        _customerId = (await CustomerStore.InsertAsync(write, new CustomerRequest("Monthly Customer", new Address(null, null, null, null, null, null), null, null, null, null, "CAD", [], null))).Id;
        await write.CommitAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<RecurringState> AddAsync(string frequency, DateOnly start, DateOnly? stop, int dueDays, params string[] autoSend)
    {
        await using var write = (await Db.BeginAccountWriteAsync(_account))!;
        var template = new InvoiceRequest(_customerId, null, start, start.AddDays(dueDays), "Retainer", null, null, null, null, null,
            [new InvoiceLineRequest("month", "Retainer", "1", "500.00", null)]);
        var state = await RecurringStore.InsertAsync(write, new RecurringState(0, template, frequency, start, stop, autoSend.Length > 0 ? autoSend : ["ap@example.com"], 0, [], null));
        await write.CommitAsync();
        return state;
    }

    private async Task<string[]> DraftDatesAsync()
    {
        await using var session = await Db.BeginSnapshotAsync();
        return (await session.QueryAsync<string>("SELECT date || '/' || due_date || '/' || status FROM invoices WHERE account_id = @a ORDER BY id", new { a = _account.Value })).ToArray();
    }

    [Fact]
    public async Task A_draft_appears_at_three_in_the_morning_local_time_keeping_the_due_gap()
    {
        if (!Available)
        {
            return;
        }

        await AddAsync(Frequencies.Monthly, new DateOnly(2026, 1, 31), null, 15);
        // 2026-01-31 02:59 in Vancouver (UTC-8) is 10:59 UTC.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 31, 10, 59, 0, TimeSpan.Zero));
        var generator = new RecurringInvoices(Db, clock);
        Assert.Equal(0, await generator.GenerateDueAsync());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await generator.GenerateDueAsync());
        Assert.Equal(0, await generator.GenerateDueAsync());
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 11, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await generator.GenerateDueAsync());
        Assert.Equal(["2026-01-31/2026-02-15/draft", "2026-02-28/2026-03-15/draft", "2026-03-31/2026-04-15/draft"], await DraftDatesAsync());
    }

    [Fact]
    public async Task Nothing_is_made_after_the_stop_date()
    {
        if (!Available)
        {
            return;
        }

        var state = await AddAsync(Frequencies.Weekly, new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 18), 0);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(3, await new RecurringInvoices(Db, clock).GenerateDueAsync());
        await using var session = await Db.BeginSnapshotAsync();
        var after = await RecurringStore.GetAsync(session, _account, new RecurringId(state.Id));
        Assert.Null(after!.NextDate);
        Assert.Equal(3, after.InvoiceIds.Count);
    }

    [Fact]
    public async Task A_schedule_with_addresses_mails_each_new_invoice_with_its_pdf_and_link_and_marks_it_sent()
    {
        if (!Available)
        {
            return;
        }

        await CompleteProfileAsync();
        await AddAsync(Frequencies.Monthly, new DateOnly(2026, 1, 31), null, 15);
        var folder = Path.Combine(_directory, "mail");
        var failures = new List<string>();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero));
        var mailer = new Mailer(new MailOptions(null, 25, null, null, folder, "billing@example.test"), NullLogger<Mailer>.Instance, clock);

        Assert.Equal(1, await new RecurringInvoices(Db, clock, new RecurringMail(mailer, () => "https://billing.example", failures.Add)).GenerateDueAsync());

        Assert.Empty(failures);
        Assert.Equal(["2026-01-31/2026-02-15/sent"], await DraftDatesAsync());
        var mail = await MimeKit.MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(folder, "*.eml")));
        Assert.Equal("ap@example.com", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("New invoice from Acme", mail.Subject);
        Assert.Matches(@"https://billing\.example/view/[A-Za-z0-9_-]+", mail.TextBody);
        Assert.Equal("application/pdf", Assert.Single(mail.Attachments).ContentType.MimeType);
    }

    [Fact]
    public async Task When_mail_cannot_go_the_new_invoice_stays_a_draft_and_the_failure_is_told()
    {
        if (!Available)
        {
            return;
        }

        await CompleteProfileAsync();
        await AddAsync(Frequencies.Monthly, new DateOnly(2026, 1, 31), null, 15);
        using var closed = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        closed.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0)); // bound, not listening: connections are refused
        var port = ((System.Net.IPEndPoint)closed.LocalEndPoint!).Port;
        var failures = new List<string>();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero));
        var mailer = new Mailer(new MailOptions("127.0.0.1", port, null, null, _directory, "billing@example.test"), NullLogger<Mailer>.Instance, clock);

        Assert.Equal(1, await new RecurringInvoices(Db, clock, new RecurringMail(mailer, () => "https://billing.example", failures.Add)).GenerateDueAsync());

        Assert.Equal(["2026-01-31/2026-02-15/draft"], await DraftDatesAsync());
        Assert.Contains("as a draft, not mailed", Assert.Single(failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bug_while_mailing_leaves_that_draft_unmailed_and_told_and_the_other_schedules_go_on()
    {
        if (!Available)
        {
            return;
        }

        await CompleteProfileAsync();
        var broken = await AddAsync(Frequencies.Monthly, new DateOnly(2026, 1, 31), null, 15);
        var quiet = await AddAsync(Frequencies.Monthly, new DateOnly(2026, 1, 31), null, 15);
        await using (var write = (await Db.BeginAccountWriteAsync(_account))!)
        {
            await RecurringStore.SaveAsync(write, quiet with { Recipients = [] }); // no mail: the broken link maker is never reached
            await write.CommitAsync();
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero));
        var mailer = new Mailer(new MailOptions(null, 25, null, null, Path.Combine(_directory, "mail"), "billing@example.test"), NullLogger<Mailer>.Instance, clock);
        var bugs = new List<(RecurringId Schedule, Exception Bug)>();
        string Broken() => throw new InvalidOperationException("a bug in making links");
        var generator = new RecurringInvoices(Db, clock, new RecurringMail(mailer, Broken, _ => { }), (id, bug) => bugs.Add((id, bug)));

        Assert.Equal(2, await generator.GenerateDueAsync());
        Assert.Equal(["2026-01-31/2026-02-15/draft", "2026-01-31/2026-02-15/draft"], await DraftDatesAsync()); // both made; the broken one's stays a draft
        var (schedule, bug) = Assert.Single(bugs);
        Assert.Equal((broken.Id, "a bug in making links"), (schedule.Value, bug.Message));
        Assert.Equal(0, await generator.GenerateDueAsync()); // made once: nothing is tried again
        Assert.Single(bugs);
    }

    [Fact]
    public async Task A_bug_after_a_first_mail_never_mails_it_again_nor_rolls_it_back()
    {
        if (!Available)
        {
            return;
        }

        await CompleteProfileAsync();
        await AddAsync(Frequencies.Monthly, new DateOnly(2026, 1, 31), null, 15);
        var folder = Path.Combine(_directory, "mail");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)); // two occurrences due: Jan 31 and Feb 28
        var mailer = new Mailer(new MailOptions(null, 25, null, null, folder, "billing@example.test"), NullLogger<Mailer>.Instance, clock);
        var links = 0;
        string SecondBreaks() => ++links == 1 ? "https://billing.example" : throw new InvalidOperationException("a bug in making links");
        var bugs = new List<Exception>();
        var generator = new RecurringInvoices(Db, clock, new RecurringMail(mailer, SecondBreaks, _ => { }), (_, bug) => bugs.Add(bug));

        Assert.Equal(2, await generator.GenerateDueAsync());
        for (var minute = 0; minute < 3; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(0, await generator.GenerateDueAsync());
        }

        Assert.Equal(["2026-01-31/2026-02-15/sent", "2026-02-28/2026-03-15/draft"], await DraftDatesAsync());
        Assert.Single(Directory.GetFiles(folder, "*.eml"));
        Assert.Single(bugs);
        await using var read = await Db.BeginSnapshotAsync();
        Assert.Equal(1L, await read.QuerySingleAsync<long>("SELECT COUNT(*) FROM invoice_links")); // the mailed link works
    }

    [Fact]
    public async Task A_failed_auto_send_is_kept_on_the_schedule_with_its_invoice_until_a_later_run_mails()
    {
        if (!Available)
        {
            return;
        }

        // The profile has no address yet: sending is refused, the invoice stays a draft.
        var state = await AddAsync(Frequencies.Monthly, new DateOnly(2026, 1, 31), null, 15);
        var folder = Path.Combine(_directory, "mail");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero));
        var mailer = new Mailer(new MailOptions(null, 25, null, null, folder, "billing@example.test"), NullLogger<Mailer>.Instance, clock);
        var generator = new RecurringInvoices(Db, clock, new RecurringMail(mailer, () => "https://billing.example", _ => { }));

        Assert.Equal(1, await generator.GenerateDueAsync());
        var failed = await StateAsync(state.Id);
        var problem = Assert.IsType<RecurringProblem>(failed.LastProblem);
        Assert.Equal(clock.GetUtcNow(), problem.At);
        Assert.Equal(Assert.Single(failed.InvoiceIds), problem.InvoiceId);
        Assert.Contains("not emailed", problem.What, StringComparison.Ordinal);
        Assert.Contains("address.line1", problem.What, StringComparison.Ordinal);
        Assert.Equal(problem, failed.ToResponse().LastProblem);

        await CompleteProfileAsync();
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await generator.GenerateDueAsync());
        Assert.Null((await StateAsync(state.Id)).LastProblem);
        Assert.Equal(["2026-01-31/2026-02-15/draft", "2026-02-28/2026-03-15/sent"], await DraftDatesAsync());
    }

    [Fact]
    public async Task A_bug_while_mailing_is_kept_on_the_schedule_too()
    {
        if (!Available)
        {
            return;
        }

        await CompleteProfileAsync();
        var state = await AddAsync(Frequencies.Monthly, new DateOnly(2026, 1, 31), null, 15);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero));
        var mailer = new Mailer(new MailOptions(null, 25, null, null, Path.Combine(_directory, "mail"), "billing@example.test"), NullLogger<Mailer>.Instance, clock);
        string Broken() => throw new InvalidOperationException("a bug in making links");

        Assert.Equal(1, await new RecurringInvoices(Db, clock, new RecurringMail(mailer, Broken, _ => { }), (_, _) => { }).GenerateDueAsync());
        var problem = Assert.IsType<RecurringProblem>((await StateAsync(state.Id)).LastProblem);
        Assert.Contains("not emailed", problem.What, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_that_no_longer_makes_an_invoice_stops_the_schedule_saying_what_is_wrong()
    {
        if (!Available)
        {
            return;
        }

        var state = await AddAsync(Frequencies.Monthly, new DateOnly(2026, 1, 31), null, 15);
        await using (var write = (await Db.BeginAccountWriteAsync(_account))!)
        {
            // What the customer's delete does not reach: a template changed behind the API, an older schedule.
            await RecurringStore.SaveAsync(write, state with { Template = state.Template with { CustomerId = "999999" } });
            await write.CommitAsync();
        }

        Assert.Equal(0, await new RecurringInvoices(Db, new FakeTimeProvider(new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero))).GenerateDueAsync());
        Assert.Equal("2026-01-31: the invoice could not be made (customerId: there is no customer '999999' in these books)", (await StateAsync(state.Id)).StoppedBecause);
    }

    private async Task<RecurringState> StateAsync(long id)
    {
        await using var session = await Db.BeginSnapshotAsync();
        return (await RecurringStore.GetAsync(session, _account, new RecurringId(id)))!;
    }

    /// <summary>What sending needs: a company name and a full address.</summary>
    private async Task CompleteProfileAsync()
    {
        var profile = Profiles.Default("Acme") with
        {
            TimeZone = "America/Vancouver", Taxes = [new TaxDefinition("GST", "5", true, null)],
            Address = new Address("1 Main St", null, "Vancouver", "BC", "V5K 0A1", "CA"),
        };
        await using var session = await Db.BeginAsync();
        await session.ExecuteAsync("UPDATE accounts SET profile = @profile WHERE id = @id", new { profile = Profiles.Serialize(profile), id = _account.Value });
        await session.CommitAsync();
    }
}

public sealed class SqliteRecurringInvoicesTests : RecurringInvoicesTests
{
    protected override bool OnPostgres => false;
}

public sealed class PostgresRecurringInvoicesTests : RecurringInvoicesTests
{
    protected override bool OnPostgres => true;
}
