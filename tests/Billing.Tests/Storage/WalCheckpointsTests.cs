using System.Diagnostics;
using BillingBooks.Billing.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace BillingBooks.Billing.Tests.Storage;

/// <summary>SQLite's checkpoints made beside the writer instead of inside its commits.</summary>
public sealed class WalCheckpointsTests
{
    private const int Writers = 8;
    private const int WritesEach = 250;

    [Fact]
    public async Task A_job_disposed_without_being_stopped_ends_its_thread_first()
    {
        var folder = Directory.CreateTempSubdirectory("billing-wal-");
        try
        {
            await using var db = Database.Sqlite(Path.Combine(folder.FullName, "billing.db"));
            db.Migrate();
            var checkpoints = new WalCheckpoints(db, NullLogger<WalCheckpoints>.Instance);
            await checkpoints.StartAsync(CancellationToken.None);
            await using (var write = await db.BeginAsync())
            {
                await write.ExecuteAsync("CREATE TABLE filler (id INTEGER PRIMARY KEY)");
                await write.CommitAsync();
            }

            // As a host whose start failed does: no StopAsync. A thread still waiting on the disposed token would
            // throw on its own and end the whole test process.
            checkpoints.Dispose();
            await Task.Delay(200, CancellationToken.None);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Writes_leave_the_copy_into_the_database_file_to_the_job_which_catches_up_once_they_stop()
    {
        var folder = Directory.CreateTempSubdirectory("billing-wal-");
        var path = Path.Combine(folder.FullName, "billing.db");
        try
        {
            await using var db = Database.Sqlite(path);
            db.Migrate();
            await using (var create = await db.BeginAsync())
            {
                await create.ExecuteAsync("CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB NOT NULL)");
                await create.CommitAsync();
            }

            using var checkpoints = new WalCheckpoints(db, NullLogger<WalCheckpoints>.Instance);
            await checkpoints.StartAsync(CancellationToken.None);
            try
            {
                // While it runs, the writer makes a checkpoint itself only past LargeLogPages (SQLite's default is 1000),
                // which bounds the log under a steady stream of writes.
                await using (var writer = await db.BeginAsync())
                {
                    Assert.Equal(WalCheckpoints.LargeLogPages, await writer.QuerySingleAsync<long>("PRAGMA wal_autocheckpoint"));
                }

                // 2,000 commits of 64 KiB each, with no pause between them.
                await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
                {
                    for (var i = 0; i < WritesEach; i++)
                    {
                        await using var write = await db.BeginAsync();
                        await write.ExecuteAsync("INSERT INTO filler (data) VALUES (randomblob(65536))");
                        await write.CommitAsync();
                    }
                })));

                // Once writes stop, the job copies the last of them; then the database file alone (no log) holds them all.
                var waited = Stopwatch.StartNew();
                while (!checkpoints.CaughtUp && waited.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(20, CancellationToken.None);
                }

                Assert.True(checkpoints.CaughtUp, "The checkpoint job did not catch up with the last writes within 30 s.");
                await checkpoints.StopAsync(CancellationToken.None);
                var fileAlone = Path.Combine(folder.FullName, "file-alone.db");
                File.Copy(path, fileAlone);
                await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = fileAlone, Pooling = false }.ToString());
                await copy.OpenAsync(CancellationToken.None);
                Assert.Equal(Writers * WritesEach, await copy.ExecuteScalarAsync<long>("SELECT count(*) FROM filler"));
            }
            finally
            {
                await checkpoints.StopAsync(CancellationToken.None); // also when an assertion failed: no job left running
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
