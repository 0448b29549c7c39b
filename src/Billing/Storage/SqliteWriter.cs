using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Billing.Storage;

/// <summary>
/// SQLite's one writer: its connection (kept open, with its prepared statements), the slot that writes queue for, and
/// group commit. A write that ends while others wait for the slot hands it on without committing; the writes that
/// follow run in the same transaction, each in a savepoint of its own, until one ends with nobody waiting (or the
/// group is full) and commits them all at once. Every write of a group is answered only after that COMMIT, so nothing
/// is acknowledged before it is committed; a write that fails rolls back to its savepoint and leaves the others' work
/// alone; a COMMIT that fails fails every write of its group.
/// </summary>
/// <remarks>
/// Why: under load the slot is the service's bottleneck, and COMMIT (writing the log, updating its index) was about a
/// third of a write's time in it (docs/benchmarks.md). A group writes the pages its writes share (the accounts table,
/// index leaves) once. A write alone still commits at once, so a quiet service answers as before.
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

    /// <summary>Waits for the slot (not cancellable: a writer the slot is handed to must come and end the group), then begins a write.</summary>
    public async Task<Session> BeginAsync(CancellationToken cancel)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _slot.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        try
        {
            cancel.ThrowIfCancellationRequested();
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
    internal Task End(WriteTurn turn, bool keep)
    {
        try
        {
            if (turn.InSavepoint)
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
            // The transaction may be gone with it (SQLite rolls back on some I/O errors): nothing of the group is kept.
            FailGroup(e);
        }
        finally
        {
            HandOnOrCommit();
        }

        return keep ? turn.Group.Committed.Task : Task.CompletedTask;
    }

    private void HandOnOrCommit()
    {
        try
        {
            if (_group is { } group && (Volatile.Read(ref _waiting) == 0 || group.Writes >= MaxGroup))
            {
                EndGroup(commit: true);
            }
        }
        finally
        {
            _slot.Release();
        }
    }

    private void EndGroup(bool commit)
    {
        var group = _group!;
        try
        {
            if (commit)
            {
                _transaction!.Commit();
            }
            else
            {
                _transaction!.Rollback();
            }

            group.Committed.TrySetResult();
        }
        catch (SqliteException e)
        {
            group.Committed.TrySetException(e);
        }
        finally
        {
            _transaction!.Dispose();
            _transaction = null;
            Volatile.Write(ref _group, null);
        }
    }

    private void FailGroup(SqliteException e)
    {
        _group!.Committed.TrySetException(e);
        try
        {
            _transaction!.Rollback();
        }
        catch (SqliteException)
        {
            // Already rolled back by SQLite itself (what made the write fail); the group is reported failed above.
        }
        finally
        {
            _transaction!.Dispose();
            _transaction = null;
            Volatile.Write(ref _group, null);
        }
    }

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

    public async ValueTask DisposeAsync()
    {
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

/// <summary>One write's turn in its group: ended exactly once, by commit or by dispose.</summary>
internal sealed class WriteTurn(SqliteWriter writer, SqliteWriter.Group group, bool inSavepoint)
{
    private int _ended;

    public SqliteWriter.Group Group => group;

    public bool InSavepoint => inSavepoint;

    public bool Ended => Volatile.Read(ref _ended) != 0;

    /// <summary>Keeps the write's work; completes when its group has committed (throws if that failed).</summary>
    public Task CommitAsync() => Interlocked.Exchange(ref _ended, 1) == 0
        ? writer.End(this, keep: true)
        : throw new InvalidOperationException("This write has already ended.");

    /// <summary>Undoes the write's work unless it was committed.</summary>
    public void Abandon()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            writer.End(this, keep: false);
        }
    }
}
