using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Billing.Storage;

/// <summary>
/// SQLite's one writer: its connection (kept open, with its prepared statements), the slot that writes queue for, and
/// group commit. A write that ends while others wait for the slot hands it on without committing; the writes that
/// follow run in the same transaction, each in a savepoint of its own, until one ends with nobody waiting (or the
/// group is full) and commits them all at once. Every write of a group, kept or undone, returns only after that
/// COMMIT (an undone write may have read, and answered from, an earlier write's work), so nothing is acknowledged
/// before it is committed. A write that fails rolls back to its savepoint and leaves the others' work alone; a COMMIT
/// that fails, or a transaction SQLite rolls back by itself (disk full, I/O error), fails every write of its group.
/// </summary>
/// <remarks>
/// Why: under load the slot is the service's bottleneck, and COMMIT (writing the log, updating its index) was about a
/// third of a write's time in it (docs/benchmarks.md). A group writes the pages its writes share (the accounts table,
/// index leaves) once. A write alone still commits at once, so a quiet service answers as before. A write must not do
/// slow work (mail, other services) while it holds the slot: every write queued behind it, and its group's earlier
/// writes, wait for it.
/// </remarks>
#pragma warning disable CA1849 // Microsoft.Data.Sqlite is synchronous; its async methods block just the same.
internal sealed class SqliteWriter(Database database) : IAsyncDisposable
{
    /// <summary>
    /// The most writes one COMMIT answers: bounds how long the group's first write waits for its answer. Invoice create
    /// with 32 clients: 4, 8 and 16 gave the same throughput within the noise, 64 about 12% less.
    /// </summary>
    internal const int MaxGroup = 8;

    // Queued writers, in order (SemaphoreSlim's async waiters are served first come, first served).
    private readonly SemaphoreSlim _slot = new(1, 1);
    private int _waiting;

    private SqliteConnection? _connection;
    private PreparedStatements? _statements;
    private SqliteCommand? _savepoint, _release, _rollbackTo;
    private SqliteTransaction? _transaction;
    private Group? _group;

    private volatile bool _checkpointsInBackground;
    private bool _toldCheckpointsInBackground;
    private long _writesBegun;

    public bool CheckpointsInBackground
    {
        get => _checkpointsInBackground;
        set => _checkpointsInBackground = value;
    }

    public long WritesBegun => Interlocked.Read(ref _writesBegun);

    /// <summary>No write in progress and none waiting for its group's COMMIT.</summary>
    public bool Idle => Volatile.Read(ref _group) is null && _slot.CurrentCount > 0;

    public async Task<Session> BeginAsync(CancellationToken cancel)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _slot.WaitAsync(cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Decrement(ref _waiting);
            // The write before may have handed the slot on counting on this one to end its group.
            TakeOverIfStranded();
            throw;
        }

        Interlocked.Decrement(ref _waiting);
        try
        {
            if (_group is null)
            {
                await OpenAsync(cancel).ConfigureAwait(false);
                _transaction = _connection!.BeginTransaction(deferred: false);
                Volatile.Write(ref _group, new Group());
            }

            // The group's first write needs no savepoint: nobody else's work is in the transaction yet.
            var inSavepoint = _group.Writes > 0;
            if (inSavepoint)
            {
                Run(_savepoint!);
            }

            _group.Writes++;
            Interlocked.Increment(ref _writesBegun);
            return Session.SqliteWriter(_connection!, _transaction!, _statements!, new WriteTurn(this, _group, inSavepoint));
        }
        catch
        {
            HandOnOrCommit();
            throw;
        }
    }

    /// <summary>Ends a write (holding the slot): keeps or undoes its work, then hands the slot on or commits the group.</summary>
    /// <returns>The group's outcome: completes once it is committed, or fails with what made it fail.</returns>
    internal Task End(WriteTurn turn, bool keep)
    {
        try
        {
            if (!TransactionAlive)
            {
                EndGroup(commit: false, RolledBackBySqlite());
            }
            else if (turn.InSavepoint)
            {
                if (!keep)
                {
                    Run(_rollbackTo!);
                }

                Run(_release!);
            }
            else if (!keep)
            {
                // The group's first write, alone in the transaction: undo the transaction.
                EndGroup(commit: false);
            }
        }
        catch (SqliteException e)
        {
            EndGroup(commit: false, e);
        }
        finally
        {
            HandOnOrCommit();
        }

        return turn.Group.Committed.Task;
    }

    /// <summary>At the end of a turn: hands the slot to the next write, or, with nobody waiting or the group full, commits.</summary>
    private void HandOnOrCommit()
    {
        var handedOn = false;
        try
        {
            if (_group is { } group)
            {
                handedOn = Volatile.Read(ref _waiting) > 0 && group.Writes < MaxGroup;
                if (!handedOn)
                {
                    EndGroup(commit: true);
                }
            }
        }
        finally
        {
            _slot.Release();
        }

        if (handedOn)
        {
            // The write it was handed to may have given up waiting meanwhile (cancelled): then nobody would end the group.
            TakeOverIfStranded();
        }
    }

    /// <summary>
    /// Ends a group that nobody is coming to end: the slot is free, a group is open and no write waits. Run by a writer
    /// that handed the slot on and by one that stopped waiting; whichever of them sees the last change takes it over.
    /// </summary>
    private void TakeOverIfStranded()
    {
        if (Volatile.Read(ref _group) is not null && Volatile.Read(ref _waiting) == 0 && _slot.Wait(0))
        {
            HandOnOrCommit();
        }
    }

    /// <summary>Commits or undoes the group (undoes it when there is a <paramref name="failure"/>); its writes learn the outcome.</summary>
    private void EndGroup(bool commit, Exception? failure = null)
    {
        var group = _group!;
        var transaction = _transaction!;
        _transaction = null;
        Volatile.Write(ref _group, null);
        try
        {
            failure ??= TransactionAlive ? null : RolledBackBySqlite();
            if (failure is not null)
            {
                group.Committed.TrySetException(failure);
            }
            else
            {
                if (commit)
                {
                    transaction.Commit();
                }
                else
                {
                    transaction.Rollback();
                }

                group.Committed.TrySetResult();
            }
        }
        catch (SqliteException e)
        {
            group.Committed.TrySetException(e);
        }
        finally
        {
            Close(transaction);
        }
    }

    /// <summary>Ends the transaction object (undoing what a failed COMMIT left open).</summary>
    private void Close(SqliteTransaction transaction)
    {
        try
        {
            transaction.Dispose();
        }
        catch (SqliteException)
        {
            // A COMMIT that failed with an I/O error, after which SQLite had ended the transaction itself: the object's
            // own ROLLBACK then fails and the connection may still count the transaction as open. The group is already
            // failed; the next write opens a fresh connection.
            _connection?.Close();
        }
    }

    /// <summary>Whether the writer connection is inside a transaction (SQLite ends it by itself on disk full and I/O errors).</summary>
    private bool TransactionAlive => _connection?.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;

    private static SqliteException RolledBackBySqlite() => new(
        "SQLite rolled back the transaction of this write's group (a write in it failed in a way that ends the transaction, such as a full disk or an I/O error); none of the group's writes were kept.",
        SQLitePCL.raw.SQLITE_ABORT);

    private async Task OpenAsync(CancellationToken cancel)
    {
        if (_connection is not { State: ConnectionState.Open })
        {
            await CloseAsync().ConfigureAwait(false);
            _connection = (SqliteConnection)await database.OpenAsync(cancel).ConfigureAwait(false);
            // A write's savepoint journal stays in memory (a few pages); in a temporary file it cost a write call per page.
            _connection.Execute("PRAGMA temp_store=MEMORY");
            _statements = new PreparedStatements(_connection);
            _savepoint = Command("SAVEPOINT write");
            _release = Command("RELEASE write");
            _rollbackTo = Command("ROLLBACK TO write");
            _toldCheckpointsInBackground = false;
        }

        if (_toldCheckpointsInBackground != _checkpointsInBackground)
        {
            // The log's size (in pages) at which the writer makes a checkpoint itself at commit; 1000 is SQLite's default.
            _connection.Execute(_checkpointsInBackground
                ? $"PRAGMA wal_autocheckpoint={WalCheckpoints.LargeLogPages}"
                : "PRAGMA wal_autocheckpoint=1000");
            _toldCheckpointsInBackground = _checkpointsInBackground;
        }
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection!.CreateCommand();
#pragma warning disable CA2100 // constant SQL
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private void Run(SqliteCommand command)
    {
        command.Transaction = _transaction;
        command.ExecuteNonQuery();
    }

    private async ValueTask CloseAsync()
    {
        _statements?.Clear();
        foreach (var command in new[] { _savepoint, _release, _rollbackTo })
        {
            command?.Dispose();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    /// <summary>At shutdown, after the requests: a group still open (a write never ended, a bug) is failed, not left waiting.</summary>
    public async ValueTask DisposeAsync()
    {
        Volatile.Read(ref _group)?.Committed.TrySetException(new ObjectDisposedException(nameof(SqliteWriter)));
        await CloseAsync().ConfigureAwait(false);
        _slot.Dispose();
    }

    /// <summary>The writes sharing one transaction; they learn from <see cref="Committed"/> whether it committed.</summary>
    internal sealed class Group
    {
        public int Writes { get; set; }

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
#pragma warning restore CA1849
