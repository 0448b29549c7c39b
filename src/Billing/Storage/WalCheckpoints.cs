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
/// the p99 (docs/benchmarks.md). Here a PASSIVE checkpoint, which never blocks a write, runs every 20 ms after
/// writes. The log starts over from its beginning only when a write finds it wholly copied, which a steady stream
/// of writes never lets a passive checkpoint reach; so the writer still makes one itself at commit once the log
/// passes <see cref="LargeLogPages"/>, which bounds the log. Durability is unchanged: a commit is in the log,
/// fsynced at checkpoints as before, whoever copies it. The job has a thread of its own, not the thread pool's:
/// a checkpoint blocks for its copy and fsyncs (Microsoft.Data.Sqlite is synchronous), as long as the disk takes.
/// </remarks>
public sealed class WalCheckpoints(Database db, ILogger<WalCheckpoints> log) : IHostedService, IDisposable
{
    /// <summary>16 MiB of 4 KiB pages: the log size at which the writer makes the checkpoint itself.</summary>
    public const long LargeLogPages = 4096;

    // Real time, not the service's injected clock: this is about the disk, and a test's frozen clock must not stop it.
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);

    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private long _checkpointed = -1;
    private bool _failing;

    /// <summary>Every write begun so far is copied into the database file (none was in progress at the last round).</summary>
    internal bool CaughtUp => Interlocked.Read(ref _checkpointed) == db.WritesBegun;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        db.CheckpointsInBackground = true;
        _thread = new Thread(CheckpointAfterWrites) { IsBackground = true, Name = "SQLite checkpoints" };
        _thread.Start();
        return Task.CompletedTask;
    }

    /// <summary>Stops after the round in progress (the host's shutdown waits for it) and gives checkpoints back to the writer.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _thread?.Join();
        db.CheckpointsInBackground = false;
    }

    /// <summary>Also when the host never stopped the job (a failed start): the thread must not outlive its token.</summary>
    public void Dispose()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
            _thread?.Join();
        }

        _stop.Dispose();
    }

    private void CheckpointAfterWrites()
    {
        while (!_stop.Token.WaitHandle.WaitOne(Period))
        {
            CheckpointOnce();
        }
    }

    private void CheckpointOnce()
    {
        var writes = db.WritesBegun;
        var idle = db.WriterIdle;
        if (writes == Interlocked.Read(ref _checkpointed))
        {
            return;
        }

        (long Busy, long Pages, long Copied) result;
        try
        {
            // On this thread alone: SQLite's open completes synchronously, so waiting for it blocks nothing else.
            using var connection = (SqliteConnection)db.OpenAsync(_stop.Token).GetAwaiter().GetResult();
            result = connection.QuerySingle<(long, long, long)>("PRAGMA wal_checkpoint(PASSIVE)");
        }
        catch (DbException e)
        {
            // Told once per spell of failures, not 50 times a second; the writer's own checkpoint past LargeLogPages goes on.
            if (!_failing)
            {
                log.LogWarning(e, "SQLite checkpoint: failed; retried every {Period} ms until it works", Period.TotalMilliseconds);
            }

            _failing = true;
            return;
        }

        if (_failing)
        {
            _failing = false;
            log.LogInformation("SQLite checkpoint: works again");
        }

        // Caught up only when the whole log is copied (a reader's snapshot can hold pages back) and no write was in
        // progress (it may commit after this checkpoint): otherwise the next round looks again.
        if (idle && result.Busy == 0 && result.Copied == result.Pages)
        {
            Interlocked.Exchange(ref _checkpointed, writes);
        }
    }
}
