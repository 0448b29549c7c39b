using System.Data.Common;
using Dapper;

namespace BillingBooks.Billing.Storage;

/// <summary>A connection with its one transaction: a request's work commits whole or not at all.</summary>
public class Session(DbConnection connection, DbTransaction transaction, SemaphoreSlim? writer = null) : IAsyncDisposable
{
    private SemaphoreSlim? _writer = writer;

    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        Connection.QueryAsync<T>(sql, parameters, Transaction);

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(sql, parameters, Transaction);

    public Task<T> QuerySingleAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleAsync<T>(sql, parameters, Transaction);

    public Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        Connection.ExecuteAsync(sql, parameters, Transaction);

    /// <summary>Hands the SQLite writer slot to a session wrapping this one (so it is released exactly once).</summary>
    internal SemaphoreSlim? TakeWriter() => Interlocked.Exchange(ref _writer, null);

    public virtual Task CommitAsync(CancellationToken cancel = default) => Transaction.CommitAsync(cancel);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
        Interlocked.Exchange(ref _writer, null)?.Release();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A write holding the account's row lock; hands out the account's feed sequences.</summary>
public sealed class AccountWrite(Session session, AccountId account, long lastSeq, string profileJson) : Session(session.Connection, session.Transaction, session.TakeWriter())
{
    private long _lastSeq = lastSeq;
    private readonly long _firstSeq = lastSeq;

    public AccountId Account { get; } = account;

    /// <summary>The account's profile JSON as locked (kept current by Profiles.WriteAsync).</summary>
    public string ProfileJson { get; set; } = profileJson;

    public long NextSeq() => ++_lastSeq;

    public override async Task CommitAsync(CancellationToken cancel = default)
    {
        if (_lastSeq != _firstSeq)
        {
            await ExecuteAsync("UPDATE accounts SET last_seq = @seq WHERE id = @account", new { seq = _lastSeq, account = Account.Value }).ConfigureAwait(false);
        }

        await base.CommitAsync(cancel).ConfigureAwait(false);
    }
}
