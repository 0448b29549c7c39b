using System.Data;
using System.Data.Common;
using System.Net.Sockets;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BillingBooks.Billing.Storage;

/// <summary>
/// A connection with its one transaction: a request's work commits whole or not at all. SQLite's writer
/// sessions run on the one writer connection (kept open, with its prepared statements) and do not close it.
/// </summary>
public class Session : IAsyncDisposable
{
    private readonly PreparedStatements? _statements;
    private WriteTurn? _turn;
    private Queue<(ReadAhead Read, List<object?> Rows)>? _readAhead;
    private List<(string Sql, object? Parameters)>? _deferred;

    // PostgreSQL: where to get a fresh connection should the pooled one turn out dead, until the first round trip.
    private Database? _reconnect;
    private IsolationLevel _isolation;

    public Session(DbConnection connection, DbTransaction transaction)
        : this(connection, transaction, null, null)
    {
    }

    private protected Session(DbConnection connection, DbTransaction transaction, WriteTurn? turn, PreparedStatements? statements)
    {
        Connection = connection;
        Transaction = transaction;
        _turn = turn;
        _statements = statements;
    }

    /// <summary>
    /// A PostgreSQL session on a pooled connection that may have died since it was last used (the server restarted or
    /// failed over): its first round trip is tried again once on a fresh connection, see <see cref="RoundTripAsync"/>.
    /// </summary>
    internal static Session Pooled(NpgsqlConnection connection, NpgsqlTransaction transaction, IsolationLevel isolation, Database reconnect) =>
        new(connection, transaction) { _reconnect = reconnect, _isolation = isolation };

    /// <summary>The session's connection; on PostgreSQL it is replaced when the pooled one was dead (see <see cref="RoundTripAsync"/>).</summary>
    public DbConnection Connection { get; private set; }

    public DbTransaction Transaction { get; private set; }

    public Dialect Dialect => Connection is NpgsqlConnection ? Dialect.Postgres : Dialect.Sqlite;

    /// <summary>SQLite's writer: its connection, transaction and prepared statements, and this write's turn in its group (see <see cref="Storage.SqliteWriter"/>).</summary>
    internal static Session SqliteWriter(SqliteConnection connection, SqliteTransaction transaction, PreparedStatements statements, WriteTurn turn) =>
        new(connection, transaction, turn, statements);

#pragma warning disable CA1849 // Microsoft.Data.Sqlite is synchronous; its async methods block just the same.
    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        _deferred is not null ? AfterDeferredAsync(() => QueryAsync<T>(sql, parameters)) :
        ReadAlready(sql, parameters, typeof(T)) is { } rows
            ? Task.FromResult<IEnumerable<T>>(rows.Select(PreparedStatements.Convert<T>).ToList())
            : Prepared(sql, parameters) is { } command
                ? Task.FromResult<IEnumerable<T>>(PreparedStatements.Query<T>(command))
                : RoundTripAsync(() => Connection.QueryAsync<T>(sql, parameters, Transaction));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        _deferred is not null ? AfterDeferredAsync(() => QuerySingleOrDefaultAsync<T>(sql, parameters)) :
        ReadAlready(sql, parameters, typeof(T)) is { } rows
            ? Task.FromResult(Single<T>(rows, orDefault: true))
            : Prepared(sql, parameters) is { } command
                ? Task.FromResult(PreparedStatements.Single<T>(command, orDefault: true))
                : RoundTripAsync(() => Connection.QuerySingleOrDefaultAsync<T>(sql, parameters, Transaction));

    public Task<T> QuerySingleAsync<T>(string sql, object? parameters = null) =>
        _deferred is not null ? AfterDeferredAsync(() => QuerySingleAsync<T>(sql, parameters)) :
        ReadAlready(sql, parameters, typeof(T)) is { } rows
            ? Task.FromResult(Single<T>(rows, orDefault: false)!)
            : Prepared(sql, parameters) is { } command
                ? Task.FromResult(PreparedStatements.Single<T>(command, orDefault: false)!)
                : RoundTripAsync(() => Connection.QuerySingleAsync<T>(sql, parameters, Transaction));

    public Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        if (_deferred is not null)
        {
            return AfterDeferredAsync(() => ExecuteAsync(sql, parameters));
        }

        _readAhead = null;
        return Prepared(sql, parameters) is { } command
            ? Task.FromResult(command.ExecuteNonQuery())
            : RoundTripAsync(() => Connection.ExecuteAsync(sql, parameters, Transaction));
    }
#pragma warning restore CA1849

    /// <summary>
    /// A statement whose outcome the write does not need to look at: on PostgreSQL it waits and goes just before the
    /// session's next statement, or with the COMMIT in one round trip; elsewhere (or with parameters Dapper must bind) it
    /// runs at once. Its failure then surfaces at that later statement or the commit, so only for statements that fail
    /// only through a bug or a broken database, never for an expected refusal (a taken number is checked before, not
    /// left to a unique index), and no caller may catch a database error around the statements that follow one.
    /// Statements run in the order they were given, deferred or not.
    /// </summary>
    public Task DeferAsync(string sql, object? parameters = null)
    {
        if (Dialect != Dialect.Postgres || ParameterBinder.For(parameters) is null)
        {
            return ExecuteAsync(sql, parameters);
        }

        // What was read ahead may be changed by this statement: later reads must not be answered from before it.
        _readAhead = null;
        (_deferred ??= []).Add((sql, parameters));
        return Task.CompletedTask;
    }

    private async Task<T> AfterDeferredAsync<T>(Func<Task<T>> next)
    {
        await RunDeferredAsync(commit: false).ConfigureAwait(false);
        return await next().ConfigureAwait(false);
    }

    /// <summary>Sends the deferred statements, with the COMMIT when <paramref name="commit"/>, in one round trip.</summary>
    private async Task RunDeferredAsync(bool commit)
    {
        var statements = _deferred!;
        _deferred = null;

        // Deferred statements and a COMMIT are never sent twice (see RoundTripAsync).
        _reconnect = null;
        if (commit)
        {
            statements.Add(("COMMIT", null));
        }

        await using var batch = PostgresBatches.Of(this, statements);
        await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Rows read ahead with the lock (see <see cref="ReadAhead"/>).</summary>
    internal void Remember(ReadAhead read, List<object?> rows) => (_readAhead ??= new()).Enqueue((read, rows));

    /// <summary>
    /// The rows of the next query read ahead when this is that query; any other statement forgets what was read
    /// ahead, so an answer never comes from before a statement that could have changed it.
    /// </summary>
    private List<object?>? ReadAlready(string sql, object? parameters, Type row)
    {
        if (_readAhead is not { Count: > 0 } ahead)
        {
            return null;
        }

        var (read, rows) = ahead.Dequeue();
        if (read.Sql == sql && read.Row == row && Equals(read.Parameters, parameters))
        {
            return rows;
        }

        _readAhead = null;
        return null;
    }

    private static T? Single<T>(List<object?> rows, bool orDefault) => rows.Count switch
    {
        0 when orDefault => default,
        0 => throw new InvalidOperationException("Sequence contains no elements"),
        1 => PreparedStatements.Convert<T>(rows[0]),
        _ => throw new InvalidOperationException("Sequence contains more than one element"),
    };

    private SqliteCommand? Prepared(string sql, object? parameters)
    {
        if (_turn is { Ended: true })
        {
            // The transaction now belongs to the writes after this one.
            throw new InvalidOperationException("This write has ended; its session cannot run more statements.");
        }

        return _statements?.Bind(sql, parameters, (SqliteTransaction)Transaction);
    }

    /// <summary>Hands the SQLite write's turn to a session wrapping this one (so it is ended exactly once).</summary>
    internal (WriteTurn? Turn, PreparedStatements? Statements) HandOver() => (Interlocked.Exchange(ref _turn, null), _statements);

    /// <summary>
    /// Commits; SQLite's writes return once their group's COMMIT is done. <paramref name="cancel"/> applies only to a
    /// plain PostgreSQL COMMIT: a group's commit and a COMMIT sent with deferred statements are not abandoned halfway.
    /// </summary>
    public virtual Task CommitAsync(CancellationToken cancel = default)
    {
        // A COMMIT whose answer is lost may have taken effect: it is never sent twice (see RoundTripAsync).
        _reconnect = null;
        return _turn is not null ? _turn.CommitAsync()
            : _deferred is not null ? RunDeferredAsync(commit: true)
            : Transaction.CommitAsync(cancel);
    }

    /// <summary>
    /// Runs <paramref name="roundTrip"/> (which must read <see cref="Connection"/> and <see cref="Transaction"/> when
    /// called). On the session's first round trip to PostgreSQL, when the pooled connection turns out dead (the server
    /// restarted or failed over since it was last used: 57P01 and the like, or a broken socket), the pool is cleared
    /// and the round trip is sent again, once, on a fresh connection and transaction.
    /// </summary>
    /// <remarks>
    /// Why here: Npgsql sends the BEGIN with the first statement, so a pooled connection first speaks to the server on
    /// the session's first round trip, and only the session knows which round trip is its first and what it carries.
    /// Checking connections as they leave the pool would cost every request one more round trip. Why it is safe: that
    /// round trip runs inside the transaction it begins and carries no COMMIT (a COMMIT or deferred statements end the
    /// retries, see CommitAsync and RunDeferredAsync), so when its connection dies nothing of it can have taken effect,
    /// and no earlier statement of the session exists whose result the caller already holds.
    /// </remarks>
    internal Task<T> RoundTripAsync<T>(Func<Task<T>> roundTrip) =>
        _reconnect is { } database ? FirstRoundTripAsync(roundTrip, database) : roundTrip();

    private async Task<T> FirstRoundTripAsync<T>(Func<Task<T>> roundTrip, Database database)
    {
        _reconnect = null;
        try
        {
            return await roundTrip().ConfigureAwait(false);
        }
        catch (NpgsqlException e) when (DiedBeforeAnswering(e))
        {
            var (dead, deadTransaction) = (Connection, Transaction);
            (Connection, Transaction) = await database.ReconnectAsync(_isolation).ConfigureAwait(false);
            await deadTransaction.DisposeAsync().ConfigureAwait(false);
            await dead.DisposeAsync().ConfigureAwait(false);
            return await roundTrip().ConfigureAwait(false);
        }
    }

    /// <summary>The server ended the connection (shut down, crashed, or an administrator ended it) or the socket broke; not a timeout or a refused statement.</summary>
    private static bool DiedBeforeAnswering(NpgsqlException e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow }
        || (e is not PostgresException && e.InnerException is IOException or SocketException);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _turn, null) is { } turn)
        {
            // SQLite's writer: the connection and transaction are shared with the other writes of the group.
            await turn.AbandonAsync().ConfigureAwait(false);
        }
        else if (_statements is null)
        {
            await Transaction.DisposeAsync().ConfigureAwait(false);
            await Connection.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>A write holding the account's row lock; hands out the account's feed sequences.</summary>
public sealed class AccountWrite : Session
{
    private readonly long _firstSeq;
    private long _lastSeq;

    private AccountWrite(Session session, (WriteTurn? Turn, PreparedStatements? Statements) writer, AccountId account, long lastSeq, string profileJson)
        : base(session.Connection, session.Transaction, writer.Turn, writer.Statements)
    {
        Account = account;
        _firstSeq = _lastSeq = lastSeq;
        ProfileJson = profileJson;
    }

    public AccountId Account { get; }

    /// <summary>The account's profile JSON as locked (kept current by Profiles.WriteAsync).</summary>
    public string ProfileJson { get; set; }

    /// <summary>Wraps a session that holds the account's lock; the session's write turn moves to the new one.</summary>
    internal static AccountWrite Wrap(Session session, AccountId account, long lastSeq, string profileJson) =>
        new(session, session.HandOver(), account, lastSeq, profileJson);

    public long NextSeq() => ++_lastSeq;

    public override async Task CommitAsync(CancellationToken cancel = default)
    {
        if (_lastSeq != _firstSeq)
        {
            await DeferAsync("UPDATE accounts SET last_seq = @seq WHERE id = @account", new { seq = _lastSeq, account = Account.Value }).ConfigureAwait(false);
        }

        await base.CommitAsync(cancel).ConfigureAwait(false);
    }
}
