using BillingBooks.Books.Storage;
using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Tests.Storage;

/// <summary>A sync's checkpoints made on another thread while it commits page after page.</summary>
public sealed class BackgroundCheckpointsTests
{
    [Fact]
    public void During_a_run_of_large_commits_the_log_is_copied_beside_the_writer_and_starts_over_and_then_the_file_alone_holds_every_commit()
    {
        using var company = new TestCompany();
        const int Commits = 300;
        company.Ok(w =>
        {
            w.Connection.Execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB NOT NULL)", transaction: w.Transaction);
            return Result<Unit>.Ok(Unit.Value);
        });

        long largestLog = 0;
        var checkpoints = company.File.CheckpointInBackground();
        using (checkpoints)
        {
            // While it runs, the writer makes a checkpoint itself only past LargeLogPages (SQLite's default is 1000).
            Assert.Equal(BackgroundCheckpoints.LargeLogPages, company.Read(r => r.Connection.ExecuteScalar<long>("PRAGMA wal_autocheckpoint")));

            // As a sync does (posting a page takes longer than copying one): each commit, then time for its copy.
            // The copy keeps up, so the log starts over at every write and stays as small as one commit.
            for (var i = 0; i < Commits; i++)
            {
                CommitQuarterMiB(company);
                var waited = Stopwatch.StartNew();
                while (!checkpoints.CaughtUp && waited.Elapsed < TimeSpan.FromSeconds(30)) Thread.Sleep(1);
                Assert.True(checkpoints.CaughtUp, "The commit was not copied in the background within 30 s.");
                largestLog = Math.Max(largestLog, new FileInfo(company.Path + "-wal").Length);
            }

            checkpoints.Finish();
        }

        // 300 commits of 256 KiB each: 75 MiB of log had nothing copied it back.
        Assert.True(largestLog < 2L * 1024 * 1024, $"The log reached {largestLog / 1024} KiB with each commit copied; it should start over at each write.");
        Assert.Equal(0, new FileInfo(company.Path + "-wal").Length); // emptied by the last checkpoint

        // Finished: the file by itself, without its log, holds every commit (the background copy, then a last one).
        var fileAlone = company.Path + ".alone";
        File.Copy(company.Path, fileAlone);
        using (var alone = new SqliteConnection($"Data Source={fileAlone};Pooling=False"))
        {
            Assert.Equal(Commits, alone.ExecuteScalar<long>("SELECT count(*) FROM filler"));
        }

        // And the writer makes its own checkpoints again (SQLite's default).
        var (autocheckpoint, rows) = company.Read(r => (
            r.Connection.ExecuteScalar<long>("PRAGMA wal_autocheckpoint"),
            r.Connection.ExecuteScalar<long>("SELECT count(*) FROM filler", transaction: r.Transaction)));
        Assert.Equal((1000L, (long)Commits), (autocheckpoint, rows));
        File.Delete(fileAlone);
    }

    [Fact]
    public void A_run_stopped_without_finishing_leaves_the_file_ready_for_the_next_one()
    {
        using var company = new TestCompany();
        company.File.CheckpointInBackground().Dispose(); // as when a sync fails: no last copy, nothing reported

        var next = company.File.CheckpointInBackground();
        using (next)
        {
            Assert.True(company.Write(w => w.Customers.Add(new("Acme"))).IsOk);
            next.Finish();
        }

        Assert.Equal(1000L, company.Read(r => r.Connection.ExecuteScalar<long>("PRAGMA wal_autocheckpoint")));
    }

    private static void CommitQuarterMiB(TestCompany company) => company.Ok(w =>
    {
        w.Connection.Execute("INSERT INTO filler (data) VALUES (randomblob(262144))", transaction: w.Transaction);
        return Result<Unit>.Ok(Unit.Value);
    });
}
