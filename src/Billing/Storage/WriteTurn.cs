namespace BillingBooks.Billing.Storage;

/// <summary>One write's turn in its group on SQLite's writer (see <see cref="SqliteWriter"/>): ended exactly once, by commit or by dispose.</summary>
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

    /// <summary>
    /// Undoes the write's work unless it was committed; completes when its group has committed, since what the write
    /// read (and may have answered from) can be an earlier write's work, not committed until then.
    /// </summary>
    public Task AbandonAsync() => Interlocked.Exchange(ref _ended, 1) == 0 ? writer.End(this, keep: false) : Task.CompletedTask;
}
