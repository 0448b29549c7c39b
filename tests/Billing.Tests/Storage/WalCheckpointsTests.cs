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
    public async Task Under_a_steady_stream_of_writes_the_log_stays_bounded_and_the_database_file_then_holds_every_write()
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

            var checkpoints = new WalCheckpoints(db, NullLogger<WalCheckpoints>.Instance);
            await checkpoints.StartAsync(CancellationToken.None);
            long largestLog = 0;

            // 2,000 commits of 64 KiB each, with no pause between them: 128 MiB of log if nothing copied it back.
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
            {
                for (var i = 0; i < WritesEach; i++)
                {
                    await using var write = await db.BeginAsync();
                    await write.ExecuteAsync("INSERT INTO filler (data) VALUES (randomblob(65536))");
                    await write.CommitAsync();
                    var log = new FileInfo(path + "-wal").Length;
                    InterlockedMax(ref largestLog, log);
                }
            })));

            Assert.True(
                largestLog < 3 * WalCheckpoints.LargeLogPages * 4096,
                $"The log reached {largestLog / 1024 / 1024} MiB; it should start over once past {WalCheckpoints.LargeLogPages * 4 / 1024} MiB.");

            // Once writes stop, the job copies the last of them; then the database file alone (no log) holds them all.
            var waited = System.Diagnostics.Stopwatch.StartNew();
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
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static void InterlockedMax(ref long largest, long value)
    {
        var seen = Interlocked.Read(ref largest);
        while (value > seen)
        {
            var was = Interlocked.CompareExchange(ref largest, value, seen);
            if (was == seen)
            {
                return;
            }

            seen = was;
        }
    }
}
