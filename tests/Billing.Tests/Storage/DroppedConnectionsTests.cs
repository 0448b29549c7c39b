using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Testing;
using Npgsql;

namespace BillingBooks.Billing.Tests.Storage;

/// <summary>
/// PostgreSQL restarted or failed over: every pooled connection of the service is dead. The requests after it answer
/// as usual (the first one used to answer 500), and a write made then happens exactly once.
/// </summary>
public sealed class DroppedConnectionsTests
{
    [Fact]
    public async Task After_postgres_drops_every_connection_the_next_read_and_write_answer_normally_and_the_write_happens_once()
    {
        await using var pg = await TestPostgres.CreateDatabaseAsync();
        if (pg is null)
        {
            Console.WriteLine(TestPostgres.MissingMessage);
            return;
        }

        await using var billing = await BillingProcess.StartAsync(pg.AsBillingDatabase());
        var (api, _) = await BillingApi.SignUpAsync(billing.BaseAddress, "dropped@example.com");
        using (api)
        {
            // Several requests at once: the pool holds several connections, all of which die together below.
            var warmUp = Enumerable.Range(0, 6).Select(async i =>
            {
                using var created = await api.PostAsJsonAsync(new Uri("api/v1/customers", UriKind.Relative), Named($"Before {i}"));
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                using var listed = await api.GetAsync(new Uri("api/v1/customers", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
            });
            await Task.WhenAll(warmUp);

            var terminated = await TerminateServiceBackendsAsync(pg.ConnectionString);
            Assert.True(terminated > 0, "The service had no connection to terminate.");

            using (var read = await api.GetAsync(new Uri("api/v1/customers", UriKind.Relative)))
            {
                Assert.True(read.StatusCode == HttpStatusCode.OK, $"read after the drop: {(int)read.StatusCode} {await read.Content.ReadAsStringAsync()}\n{billing.Output}");
            }

            await TerminateServiceBackendsAsync(pg.ConnectionString);
            using (var write = await api.PostAsJsonAsync(new Uri("api/v1/customers", UriKind.Relative), Named("After the drop")))
            {
                Assert.True(write.StatusCode == HttpStatusCode.Created, $"write after the drop: {(int)write.StatusCode} {await write.Content.ReadAsStringAsync()}\n{billing.Output}");
            }

            using var list = await api.GetAsync(new Uri("api/v1/customers?limit=100", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            using var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
            var names = json.RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
            Assert.Single(names, n => n == "After the drop");
            Assert.Equal(7, names.Count);

            await using var check = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pg.ConnectionString) { Pooling = false }.ConnectionString);
            await check.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM customers WHERE name = 'After the drop'", check);
            Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public async Task A_commit_carrying_deferred_statements_on_a_dropped_connection_fails_and_is_not_sent_again()
    {
        await using var pg = await TestPostgres.CreateDatabaseAsync();
        if (pg is null)
        {
            Console.WriteLine(TestPostgres.MissingMessage);
            return;
        }

        await using var db = Database.Postgres(pg.ConnectionString);
        db.Migrate();
        await using (var warm = await db.BeginSnapshotAsync())
        {
            await warm.QuerySingleAsync<long>("SELECT count(*) FROM login_failures");
        }

        await using (var write = await db.BeginAsync())
        {
            // Its first round trip is the COMMIT with the deferred INSERT: had it reached the server, it may have committed.
            await write.DeferAsync(InsertFailure, new { key = "deferred", failures = 1L });
            await TerminateServiceBackendsAsync(pg.ConnectionString);
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => write.CommitAsync());
        }

        await using var read = await db.BeginSnapshotAsync();
        Assert.Equal(0L, await read.QuerySingleAsync<long>("SELECT count(*) FROM login_failures"));
    }

    private const string InsertFailure = "INSERT INTO login_failures (email_key, failures, locked_until) VALUES (@key, @failures, 0)";

    private static CustomerRequest Named(string name) => new(name, null, null, null, null, null, null, null, null);

    /// <summary>What a restart does to the service: its backends end (57P01); returns how many, once they are gone.</summary>
    private static async Task<int> TerminateServiceBackendsAsync(string connectionString)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        const string Others = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND usename = current_user";
        await using var terminate = new NpgsqlCommand($"SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) {Others}", admin);
        var terminated = (int)(long)(await terminate.ExecuteScalarAsync())!;

        // pg_terminate_backend only signals: wait until the backends have exited, so the next request meets a dead connection.
        await using var remaining = new NpgsqlCommand($"SELECT count(*) {Others}", admin);
        for (var wait = 0; (long)(await remaining.ExecuteScalarAsync())! > 0; wait++)
        {
            Assert.True(wait < 100, "The service's backends did not exit.");
            await Task.Delay(50);
        }

        return terminated;
    }
}
