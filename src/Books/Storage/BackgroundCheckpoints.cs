using System.Data;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Storage;

/// <summary>
/// While a long run of commits goes on (a sync's pages), copies the company file's write-ahead log back into the file
/// on a second connection and thread, so the writing thread does not. End the run with <see cref="Finish"/>;
/// <see cref="Dispose"/> alone (a run that failed) only stops the thread.
/// </summary>
/// <remarks>
/// By default SQLite makes this checkpoint inside the commit that takes the log past 1000 pages: a sync page's commit
/// writes more than that, so every page's commit also copied its pages into the file and waited for two fsyncs, on
/// the one thread that posts. Here each commit only wakes this thread, which makes a PASSIVE checkpoint (it never
/// blocks the writer) while the next page is posted, on a core the posting does not use. The log starts over from
/// its beginning only when a write begins and finds it wholly copied; the next page's write begins before the copy
/// is done, so during a sync the writer's own checkpoint, once the log passes <see cref="LargeLogPages"/>, is what
/// starts it over, with little left to copy by then. Durability is unchanged: a commit is in the log whoever copies
/// it, and checkpoints fsync as before.
/// </remarks>
public sealed class BackgroundCheckpoints : IDisposable
{
    /// <summary>64 MiB of 4 KiB pages: the log size at which the writer makes the checkpoint itself.</summary>
    public const int LargeLogPages = 16384;

    private readonly SqliteConnection _writer;
    private readonly SqliteConnection _copier;
    private readonly SemaphoreSlim _committed = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly Action _ended;
    private long _commits;
    private long _copiedUpTo;
    private bool _stopped;
    private Exception? _failure;

    internal BackgroundCheckpoints(string path, SqliteConnection writer, Action ended)
    {
        _writer = writer;
        _ended = ended;
        _copier = CompanyFile.Connect(path, SqliteOpenMode.ReadWrite);
        try
        {
            _writer.Execute("PRAGMA wal_autocheckpoint = " + LargeLogPages.ToString(CultureInfo.InvariantCulture));
        }
        catch
        {
            _copier.Dispose();
            throw;
        }

        _thread = new Thread(CopyAfterCommits) { IsBackground = true, Name = "Books checkpoints" };
        _thread.Start();
    }

    /// <summary>Every commit so far is wholly copied into the file (for the writing thread; a commit made later is not).</summary>
    internal bool CaughtUp => Volatile.Read(ref _copiedUpTo) == Volatile.Read(ref _commits);

    /// <summary>
    /// A commit was made: wake the thread. Called by the writing thread only, so the check cannot race another release;
    /// a wake-up still pending covers this commit too.
    /// </summary>
    internal void Committed()
    {
        if (_stopped) return;
        Interlocked.Increment(ref _commits);
        if (_committed.CurrentCount == 0) _committed.Release();
    }

    private void CopyAfterCommits()
    {
        try
        {
            while (true)
            {
                _committed.Wait(_stop.Token);
                var upTo = Volatile.Read(ref _commits); // a commit after this read woke the thread again
                var (busy, pages, copied) = _copier.QuerySingle<(long, long, long)>("PRAGMA wal_checkpoint(PASSIVE)");
                // Wholly copied only when nothing (another checkpoint, a reader's snapshot) held pages back.
                if (busy == 0 && copied == pages) Volatile.Write(ref _copiedUpTo, upTo);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the run of commits is over.
        }
#pragma warning disable CA1031 // Anything thrown here would end the whole process; Finish rethrows it on the owner's thread.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // The disk failed under the copy (full, I/O error), or a bug. Stop copying; the writer's own checkpoints
            // go on (SQLite ignores their failures), and Finish reports this one.
            Volatile.Write(ref _failure, e);
        }
    }

    /// <summary>
    /// The run of commits went well: stops the thread, copies what the last commits left and empties the log file
    /// (a TRUNCATE checkpoint: nothing else writes now), then gives checkpoints back to the writer. Throws what made
    /// the thread stop copying, if anything did.
    /// </summary>
    public void Finish()
    {
        if (_stopped) return;
        Stop();
        try
        {
            if (Volatile.Read(ref _failure) is { } failure) ExceptionDispatchInfo.Throw(failure);
            _copier.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        finally
        {
            Release();
        }
    }

    /// <summary>
    /// Stops the thread and gives checkpoints back to the writer, without reporting what the thread met (this may run
    /// while another failure unwinds: that one is what the user must see).
    /// </summary>
    public void Dispose()
    {
        if (_stopped) return;
        Stop();
        Release();
    }

    private void Stop()
    {
        _stopped = true;
        _stop.Cancel();
        _thread.Join();
    }

    private void Release()
    {
        _copier.Dispose();
        _committed.Dispose();
        _stop.Dispose();
        try
        {
            // SQLite's default. A writer connection broken by the failure being unwound is closed by its owner anyway.
            if (_writer.State == ConnectionState.Open) _writer.Execute("PRAGMA wal_autocheckpoint = 1000");
        }
        finally
        {
            _ended();
        }
    }
}
