using Dapper;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Storage;

/// <summary>
/// While a long run of commits goes on (a sync's pages), copies the company file's write-ahead log back into the file
/// on a second connection and thread, so the writing thread does not.
/// </summary>
/// <remarks>
/// By default SQLite makes this checkpoint inside the commit that takes the log past 1000 pages: a sync page's commit
/// writes more than that, so every page's commit also copied its pages into the file and waited for two fsyncs, on
/// the one thread that posts. Here each commit only wakes this thread, which makes a PASSIVE checkpoint (it never
/// blocks the writer) while the next page is posted, on a core the posting does not use. The log starts over from its
/// beginning when a commit finds it wholly copied; should the copying fall behind, the writer still makes a checkpoint
/// itself once the log passes <see cref="LargeLogPages"/>, which bounds it. Durability is unchanged: a commit is in
/// the log whoever copies it, and checkpoints fsync as before.
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
    private readonly Action _disposed;
    private int _checkpoints;
    private bool _stopped;
    private volatile bool _failed;

    internal BackgroundCheckpoints(string path, SqliteConnection writer, Action disposed)
    {
        _writer = writer;
        _disposed = disposed;
        _copier = CompanyFile.Connect(path, SqliteOpenMode.ReadWrite);
        _writer.Execute("PRAGMA wal_autocheckpoint = " + LargeLogPages.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _thread = new Thread(CopyAfterCommits) { IsBackground = true, Name = "Books checkpoints" };
        _thread.Start();
    }

    /// <summary>How many checkpoints this thread has made.</summary>
    public int Checkpoints => Volatile.Read(ref _checkpoints);

    /// <summary>
    /// A commit was made: wake the thread. Called by the writing thread only, so the check cannot race another release;
    /// a wake-up still pending covers this commit too.
    /// </summary>
    internal void Committed()
    {
        if (!_stopped && _committed.CurrentCount == 0) _committed.Release();
    }

    private void CopyAfterCommits()
    {
        try
        {
            while (true)
            {
                _committed.Wait(_stop.Token);
                _copier.Execute("PRAGMA wal_checkpoint(PASSIVE)");
                Interlocked.Increment(ref _checkpoints);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the run of commits is over.
        }
        catch (SqliteException)
        {
            // The disk failed under the copy (full, I/O error). Stop copying: the writer's own checkpoint, past
            // LargeLogPages, meets the same failure on the writing thread, which reports it as any failed write.
            _failed = true;
        }
    }

    /// <summary>
    /// Stops the thread, copies what the last commits left in the log (so the file is up to date by itself, as a
    /// user copying it expects) and gives checkpoints back to the writer.
    /// </summary>
    public void Dispose()
    {
        if (_stopped) return;
        _stopped = true;
        _stop.Cancel();
        _thread.Join();
        if (!_failed) _copier.Execute("PRAGMA wal_checkpoint(PASSIVE)");
        _copier.Dispose();
        _committed.Dispose();
        _stop.Dispose();
        if (_writer.State == System.Data.ConnectionState.Open) _writer.Execute("PRAGMA wal_autocheckpoint = 1000"); // SQLite's default
        _disposed();
    }
}
