using System.Text.Json;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Customers;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Web;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Billing.Tests.Storage;

/// <summary>The sessions' own machinery: SQLite's kept writer connection and PostgreSQL's reads ahead of the lock.</summary>
public sealed class SessionTests
{
    private const string InsertFailure = "INSERT INTO login_failures (email_key, failures, locked_until) VALUES (@key, @failures, 0)";

    [Fact]
    public async Task A_failed_statement_rolls_its_sqlite_write_back_and_the_kept_writer_connection_works_on()
    {
        var folder = Directory.CreateTempSubdirectory("billing-session-");
        try
        {
            await using (var db = Database.Sqlite(Path.Combine(folder.FullName, "billing.db")))
            {
                db.Migrate();
                await using (var failed = await db.BeginAsync())
                {
                    await failed.ExecuteAsync(InsertFailure, new { key = "a", failures = 1L });
                    await Assert.ThrowsAsync<SqliteException>(() => failed.ExecuteAsync(InsertFailure, new { key = "a", failures = 2L }));
                }

                // A long text goes in whole (no parameter size truncates it).
                var longKey = "b" + new string('k', 10_000);
                await using (var next = await db.BeginAsync())
                {
                    await next.ExecuteAsync(InsertFailure, new { key = "a", failures = 3L });
                    await next.ExecuteAsync(InsertFailure, new { key = longKey, failures = 4L });
                    await next.CommitAsync();
                }

                await using var read = await db.BeginSnapshotAsync();
                var rows = await read.QueryAsync<(string Key, long Failures)>("SELECT email_key, failures FROM login_failures ORDER BY email_key");
                Assert.Equal([("a", 3L), (longKey, 4L)], rows.ToArray());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("Host=db;Username=billing", true, 64)]
    [InlineData("Host=db;Username=billing;No Reset On Close=false;Max Auto Prepare=10", false, 10)]
    public void Postgres_connections_skip_the_reset_and_prepare_statements_unless_the_connection_string_says_otherwise(string given, bool noReset, int autoPrepare)
    {
        // Every request returns its connection to the pool; a reset there was one more statement per request.
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(Database.Tuned(given));
        Assert.Equal((noReset, autoPrepare), (tuned.NoResetOnClose, tuned.MaxAutoPrepare));
    }

    [Fact]
    public Task A_read_made_with_the_postgres_lock_is_not_used_once_another_statement_ran() => OnPostgresAsync(async db =>
    {
        var (account, customer) = await AccountWithCustomerAsync(db, "Before");

        await using (var write = await db.BeginAccountWriteAsync(account, default, CustomerStore.ReadAheadGet(account, customer)))
        {
            Assert.Equal("Before", (await CustomerStore.GetAsync(write!, account, customer))!.Name);
        }

        await using (var write = await db.BeginAccountWriteAsync(account, default, CustomerStore.ReadAheadGet(account, customer)))
        {
            await write!.ExecuteAsync("UPDATE customers SET doc = @doc WHERE id = @id", new { doc = CustomerJson(customer, "After"), id = customer.Value });
            Assert.Equal("After", (await CustomerStore.GetAsync(write, account, customer))!.Name);
        }
    });

    [Fact]
    public Task A_deferred_postgres_statement_runs_before_the_next_statement_and_with_the_commit() => OnPostgresAsync(async db =>
    {
        var (account, customer) = await AccountWithCustomerAsync(db, "Before");
        await using (var write = await db.BeginAccountWriteAsync(account, default, CustomerStore.ReadAheadGet(account, customer)))
        {
            // Deferred, then read in the same transaction: the read sees it (it is sent first), not the row read ahead.
            await write!.DeferAsync("UPDATE customers SET doc = @doc WHERE id = @id", new { doc = CustomerJson(customer, "After"), id = customer.Value });
            Assert.Equal("After", (await CustomerStore.GetAsync(write, account, customer))!.Name);
            await write.DeferAsync(InsertFailure, new { key = "a", failures = 1L });
            await write.CommitAsync();
        }

        await using var read = await db.BeginSnapshotAsync();
        Assert.Equal(1L, await read.QuerySingleAsync<long>("SELECT COUNT(*) FROM login_failures WHERE email_key = 'a'"));
        Assert.Equal("After", (await CustomerStore.GetAsync(read, account, customer))!.Name);
    });

    [Fact]
    public Task A_deferred_postgres_statement_that_fails_fails_the_commit_and_nothing_of_the_write_is_kept() => OnPostgresAsync(async db =>
    {
        await using (var write = await db.BeginAsync())
        {
            await write.ExecuteAsync(InsertFailure, new { key = "a", failures = 1L });
            await write.DeferAsync(InsertFailure, new { key = "b", failures = 1L });
            await write.DeferAsync(InsertFailure, new { key = "a", failures = 2L });
            await Assert.ThrowsAsync<Npgsql.PostgresException>(() => write.CommitAsync());
        }

        await using var read = await db.BeginSnapshotAsync();
        Assert.Equal(0L, await read.QuerySingleAsync<long>("SELECT COUNT(*) FROM login_failures"));
    });

    /// <summary>Runs <paramref name="test"/> on a fresh, migrated PostgreSQL database (skipped without one, outside CI).</summary>
    private static async Task OnPostgresAsync(Func<Database, Task> test)
    {
        await using var pg = await TestPostgres.CreateDatabaseAsync("billing_session");
        if (pg is null)
        {
            return;
        }

        await using var db = Database.Postgres(pg.ConnectionString);
        db.Migrate();
        await test(db);
    }

    private static async Task<(AccountId Account, CustomerId Customer)> AccountWithCustomerAsync(Database db, string name)
    {
        await using var session = await db.BeginAsync();
        var account = await session.QuerySingleAsync<long>(
            "INSERT INTO accounts (email, email_key, password_hash, created_at, last_seq, profile) VALUES ('s@example.com', 's@example.com', 'x', '2026-11-25T00:00:00Z', 0, @profile) RETURNING id",
            new { profile = Profiles.Serialize(Profiles.Default("S")) });
        var customer = await session.QuerySingleAsync<long>(
            "INSERT INTO customers (account_id, name, name_key, deleted, version, doc) VALUES (@account, @name, @name, 0, 1, '{}') RETURNING id",
            new { account, name });
        await session.ExecuteAsync("UPDATE customers SET doc = @doc WHERE id = @id", new { doc = CustomerJson(new CustomerId(customer), name), id = customer });
        await session.CommitAsync();
        return (new AccountId(account), new CustomerId(customer));
    }

    private static string CustomerJson(CustomerId id, string name) => JsonSerializer.Serialize(
        new CustomerResponse(id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), name, new Address(null, null, null, null, null, null), null, null, null, null, "CAD", [], null, 1),
        Json.Options);
}
