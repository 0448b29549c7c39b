using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Billing.Storage;

/// <summary>
/// SQLite: copies the write-ahead log back into the database file on its own thread, beside the one writer.
/// </summary>
/// <remarks>
/// By default SQLite makes this checkpoint inside the commit that takes the log past 1000 pages, so the writer,
/// which every write queues behind, also copies pages and waits for the log's and the file's fsyncs (with
/// synchronous=NORMAL the only ones): measured on invoice create, about a sixth of the throughput and a tenth of
/// the p99 (docs/benchmarks.md). Here a PASSIVE checkpoint, which never blocks a write, runs every few milliseconds
/// after writes. The log starts over from its beginning only when a write finds it wholly copied, which a steady
/// stream of writes never lets a passive checkpoint reach; so the writer still makes one itself at commit once the
/// log passes <see cref="LargeLogPages"/>, which bounds the log. Durability is unchanged: a commit is in the log,
/// fsynced at checkpoints as before, whoever copies it.
/// </remarks>
public sealed class WalCheckpoints(Database db, ILogger<WalCheckpoints> log)
    // Real time, not the service's injected clock: this is about the disk, and a test's frozen clock must not stop it.
    : PeriodicWork(TimeProvider.System, log)
{
    /// <summary>16 MiB of 4 KiB pages: the log size at which the writer makes the checkpoint itself.</summary>
    public const long LargeLogPages = 4096;

    private long _checkpointed = -1;
    private bool _failing;

    /// <summary>Every write begun so far is copied into the database file (none was in progress at the last round).</summary>
    internal bool CaughtUp => Interlocked.Read(ref _checkpointed) == db.WritesBegun;

    protected override TimeSpan Period => TimeSpan.FromMilliseconds(20);

    protected override string What => "SQLite checkpoint";

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        db.CheckpointsInBackground = true;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        db.CheckpointsInBackground = false;
    }

    protected override async Task<string?> RunOnceAsync(CancellationToken cancel)
    {
        var writes = db.WritesBegun;
        var idle = db.WriterIdle;
        if (writes == Interlocked.Read(ref _checkpointed))
        {
            return null;
        }

        (long Busy, long Pages, long Copied) result;
        try
        {
            // Blocks this thread-pool thread for the copy and its fsyncs (Microsoft.Data.Sqlite is synchronous).
            await using var connection = (SqliteConnection)await db.OpenAsync(cancel).ConfigureAwait(false);
#pragma warning disable CA1849 // Microsoft.Data.Sqlite is synchronous; its async methods block just the same.
            result = connection.QuerySingle<(long, long, long)>("PRAGMA wal_checkpoint(PASSIVE)");
#pragma warning restore CA1849
        }
        catch (DbException e)
        {
            // Told once per spell of failures, not 50 times a second; the writer's own checkpoint past LargeLogPages goes on.
            if (!_failing)
            {
                Log.LogWarning(e, "SQLite checkpoint: failed; retried every {Period} ms until it works", Period.TotalMilliseconds);
            }

            _failing = true;
            return null;
        }

        if (_failing)
        {
            _failing = false;
            Log.LogInformation("SQLite checkpoint: works again");
        }

        // Caught up only when the whole log is copied (a reader's snapshot can hold pages back) and no write was in
        // progress (it may commit after this checkpoint): otherwise the next round looks again.
        if (idle && result.Busy == 0 && result.Copied == result.Pages)
        {
            Interlocked.Exchange(ref _checkpointed, writes);
        }

        return null;
    }
}
