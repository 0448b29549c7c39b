using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace BillingBooks.Billing.Tests.Accounts;

/// <summary>Tokens past their expiry are deleted after a day, on both databases; live and recent ones stay.</summary>
public sealed class ExpiredTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Tokens_expired_over_a_day_ago_are_deleted_on_sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("billing-tokens-");
        try
        {
            await using var db = Database.Sqlite(Path.Combine(folder.FullName, "billing.db"));
            await ExpiredOverADayAreDeletedAsync(db);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Tokens_expired_over_a_day_ago_are_deleted_on_postgres()
    {
        await using var pg = await TestPostgres.CreateDatabaseAsync("billing_tokens");
        if (pg is null)
        {
            return;
        }

        await using var db = Database.Postgres(pg.ConnectionString);
        await ExpiredOverADayAreDeletedAsync(db);
    }

    private static async Task ExpiredOverADayAreDeletedAsync(Database db)
    {
        db.Migrate();
        await using (var session = await db.BeginAsync())
        {
            var account = await session.QuerySingleAsync<long>(
                "INSERT INTO accounts (email, email_key, password_hash, created_at, last_seq, profile) VALUES ('t@example.com', 't@example.com', 'x', '2026-11-01T00:00:00Z', 0, @profile) RETURNING id",
                new { profile = Profiles.Serialize(Profiles.Default("T")) });
            foreach (var (hash, expires) in new[] { ("long-gone", Now.AddDays(-2)), ("just-expired", Now.AddHours(-1)), ("live", Now.AddMinutes(30)) })
            {
                await session.ExecuteAsync(
                    "INSERT INTO tokens (account_id, token_hash, expires_at, revoked, session_id, session_started_at) VALUES (@account, @hash, @expires, 0, 1, @expires)",
                    new { account, hash, expires = expires.ToUnixTimeSeconds() });
            }

            await session.CommitAsync();
        }

        var sweep = new ExpiredTokens(db, new FakeTimeProvider(Now)) { BatchSize = 1 }; // one row per transaction: the loop goes on until none is left

        Assert.Equal(1, await sweep.DeleteAsync());
        Assert.Equal(0, await sweep.DeleteAsync());
        await using var read = await db.BeginSnapshotAsync();
        Assert.Equal(["just-expired", "live"], (await read.QueryAsync<string>("SELECT token_hash FROM tokens ORDER BY token_hash")).ToArray());
    }
}
