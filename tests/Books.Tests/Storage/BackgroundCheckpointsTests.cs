using BillingBooks.Books.Storage;
using Dapper;

namespace BillingBooks.Books.Tests.Storage;

/// <summary>A sync's checkpoints made on another thread while it commits page after page.</summary>
public sealed class BackgroundCheckpointsTests
{
    [Fact]
    public void During_a_run_of_large_commits_the_log_is_copied_beside_the_writer_stays_bounded_and_then_the_file_alone_holds_every_commit()
    {
        using var company = new TestCompany();
        const int Commits = 600;
        company.Ok(w =>
        {
            w.Connection.Execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB NOT NULL)", transaction: w.Transaction);
            return Result<Unit>.Ok(Unit.Value);
        });

        long largestLog = 0;
        long largestPaced = 0;
        using (var checkpoints = company.File.CheckpointInBackground())
        {
            // As a sync does (posting a page takes longer than copying it): each commit, then time for its copy.
            // The copy keeps up, so the log starts over again and again and stays small.
            for (var i = 0; i < Commits / 2; i++)
            {
                var before = checkpoints.Checkpoints;
                CommitQuarterMiB(company);
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (checkpoints.Checkpoints == before && waited.Elapsed < TimeSpan.FromSeconds(30)) Thread.Sleep(1);
                Assert.True(checkpoints.Checkpoints > before, "No checkpoint was made in the background within 30 s of a commit.");
                largestPaced = Math.Max(largestPaced, new FileInfo(company.Path + "-wal").Length);
            }

            // Commits back to back: a passive copy never finds the log wholly copied, and the writer's own
            // checkpoint past LargeLogPages bounds it.
            for (var i = Commits / 2; i < Commits; i++)
            {
                CommitQuarterMiB(company);
                largestLog = Math.Max(largestLog, new FileInfo(company.Path + "-wal").Length);
            }
        }

        Assert.True(largestPaced < 4L * 1024 * 1024, $"The log reached {largestPaced / 1024} KiB with each commit copied; it should start over each time.");
        Assert.True(
            largestLog < 2L * BackgroundCheckpoints.LargeLogPages * 4096,
            $"The log reached {largestLog / 1024 / 1024} MiB; it should start over once past {BackgroundCheckpoints.LargeLogPages * 4 / 1024} MiB.");

        // Stopped: the file by itself, without its log, holds every commit (the background copy, then a last one).
        var fileAlone = company.Path + ".alone";
        File.Copy(company.Path, fileAlone);
        using (var alone = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fileAlone};Pooling=False"))
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

    private static void CommitQuarterMiB(TestCompany company) => company.Ok(w =>
    {
        w.Connection.Execute("INSERT INTO filler (data) VALUES (randomblob(262144))", transaction: w.Transaction);
        return Result<Unit>.Ok(Unit.Value);
    });
}
