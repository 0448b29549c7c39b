using System.Data;
using System.Data.Common;
using System.Reflection;
using System.Runtime.CompilerServices;
using Dapper;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BillingBooks.Billing.Storage;

/// <summary>
/// The one place that knows which database we run on. Everything else writes SQL both dialects accept
/// (INSERT .. RETURNING, ON CONFLICT .. DO UPDATE and partial indexes exist in both).
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;

    // SQLite has one writer at a time: writes queue for it (async, in order) and commit in groups (see SqliteWriter).
    private readonly SqliteWriter? _sqliteWriter;

    // Pooled SQLite connections keep their native handle: the per-connection settings are made once per handle.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();

    private Database(Dialect dialect, string connectionString)
    {
        Dialect = dialect;
        ConnectionString = connectionString;
        if (dialect == Dialect.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(Tuned(connectionString));
        }
        else
        {
            _sqliteWriter = new SqliteWriter(this);
        }
    }

    public Dialect Dialect { get; }

    public string ConnectionString { get; }

    /// <summary>Which database this is, for people: "SQLite PATH" or "PostgreSQL HOST:PORT/DATABASE" (never the password).</summary>
    public string Description => Dialect == Dialect.Sqlite
        ? $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"PostgreSQL {PostgresAddress(ConnectionString)}";

    /// <summary>HOST:PORT/DATABASE of a PostgreSQL connection string (the database defaults to the user's name, as in PostgreSQL).</summary>
    public static string PostgresAddress(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{settings.Host}:{settings.Port}/{settings.Database ?? settings.Username ?? Environment.GetEnvironmentVariable("PGDATABASE") ?? Environment.GetEnvironmentVariable("PGUSER")}";
    }

    public static Database Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 60 };
        return new Database(Dialect.Sqlite, builder.ToString());
    }

    public static Database Postgres(string connectionString) => new(Dialect.Postgres, connectionString);

    /// <summary>
    /// Npgsql settings for this service, unless the connection string sets them: a statement used twice on a
    /// connection is prepared and reused from then on (PostgreSQL skips parsing and planning); and a connection
    /// going back to the pool is not reset, since no request leaves session state behind (no SET, temporary
    /// tables, LISTEN or advisory locks; an open transaction is still rolled back), which spares PostgreSQL a
    /// reset statement on every request.
    /// </summary>
    internal static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        // Npgsql's builder says it "contains" every keyword it knows; only the plain parse tells what was given.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancel = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancel).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancel).ConfigureAwait(false);
        if (!_configured.TryGetValue(connection.Handle!, out _))
        {
            // Per connection: writers wait for each other instead of failing; WAL (set once in Migrate) lets readers run beside them.
            await connection.ExecuteAsync("PRAGMA foreign_keys=ON; PRAGMA busy_timeout=60000; PRAGMA synchronous=NORMAL;").ConfigureAwait(false);
            _configured.AddOrUpdate(connection.Handle!, this);
        }

        return connection;
    }

    /// <summary>Creates or upgrades the schema (DbUp: the SQL scripts embedded under Storage/Migrations, and its C# scripts).</summary>
    public void Migrate()
    {
        UpgradeEngineBuilder builder;
        string identity;
        string blob;
        if (Dialect == Dialect.Sqlite)
        {
            using (var connection = new SqliteConnection(ConnectionString))
            {
                connection.Open();
                connection.Execute("PRAGMA journal_mode=WAL;");
            }

            builder = DeployChanges.To.SqliteDatabase(ConnectionString);
            identity = "INTEGER PRIMARY KEY";
            blob = "BLOB";
        }
        else
        {
            builder = DeployChanges.To.PostgresqlDatabase(ConnectionString);
            identity = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
            blob = "BYTEA";
        }

        var result = builder
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.Contains(".Storage.Migrations.", StringComparison.Ordinal))
            .WithScript(Migrations.CustomerSearchKeyBackfill.Name, new Migrations.CustomerSearchKeyBackfill())
            .WithVariable("id", identity)
            .WithVariable("blob", blob)
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful && result.ErrorScript is null)
        {
            // No script ran: the database could not be reached (or its journal read); the caller tells which.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(result.Error);
        }

        if (!result.Successful)
        {
            throw new InvalidOperationException($"The database schema could not be upgraded ({result.ErrorScript?.Name}): {result.Error.Message}", result.Error);
        }
    }

    /// <summary>A read in one consistent snapshot (several statements agree with each other).</summary>
    public async Task<Session> BeginSnapshotAsync(CancellationToken cancel = default)
    {
        var connection = await OpenAsync(cancel).ConfigureAwait(false);
#pragma warning disable CA1849 // Microsoft.Data.Sqlite is synchronous; its async methods block just the same.
        return connection is SqliteConnection sqlite
            ? new Session(sqlite, sqlite.BeginTransaction(deferred: true))
            : await PooledSessionAsync((NpgsqlConnection)connection, IsolationLevel.RepeatableRead, cancel).ConfigureAwait(false);
    }

    /// <summary>A write not tied to one account (signup, tokens). SQLite: BEGIN IMMEDIATE, writers queue.</summary>
    public async Task<Session> BeginAsync(CancellationToken cancel = default)
    {
        if (_postgres is not null)
        {
            var pg = await _postgres.OpenConnectionAsync(cancel).ConfigureAwait(false);
            return await PooledSessionAsync(pg, IsolationLevel.ReadCommitted, cancel).ConfigureAwait(false);
        }

        return await _sqliteWriter!.BeginAsync(cancel).ConfigureAwait(false);
    }

    private async Task<Session> PooledSessionAsync(NpgsqlConnection connection, IsolationLevel isolation, CancellationToken cancel)
    {
        try
        {
            // No round trip yet: Npgsql sends the BEGIN with the session's first statement.
            return Session.Pooled(connection, await connection.BeginTransactionAsync(isolation, cancel).ConfigureAwait(false), isolation, this);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// PostgreSQL: a fresh connection and transaction for a session whose pooled connection was dead. The pool is
    /// cleared first: a restart or failover kills every pooled connection at once, and each would fail a request.
    /// </summary>
    internal async Task<(DbConnection Connection, DbTransaction Transaction)> ReconnectAsync(IsolationLevel isolation)
    {
        _postgres!.Clear();
        var connection = await _postgres.OpenConnectionAsync().ConfigureAwait(false);
        try
        {
            return (connection, await connection.BeginTransactionAsync(isolation).ConfigureAwait(false));
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// SQLite: whether the writer leaves checkpoints to <see cref="WalCheckpoints"/> (true: it makes one itself only
    /// when the log has grown past <see cref="WalCheckpoints.LargeLogPages"/>) or makes them at commit as SQLite does
    /// by default (false). Takes effect at the next write.
    /// </summary>
    internal bool CheckpointsInBackground
    {
        get => _sqliteWriter?.CheckpointsInBackground ?? false;
        set => _sqliteWriter!.CheckpointsInBackground = value;
    }

    /// <summary>SQLite: how many writes have begun; unchanged means nothing new to checkpoint, unless one was in progress.</summary>
    internal long WritesBegun => _sqliteWriter!.WritesBegun;

    /// <summary>SQLite: no write is in progress or waiting for its group's COMMIT.</summary>
    internal bool WriterIdle => _sqliteWriter!.Idle;

#pragma warning restore CA1849

    // The account's row lock, with the row. SQLite has no row locks (the one writer serializes every write) and this
    // no-op UPDATE is just a read there. On PostgreSQL, FOR UPDATE locks the row without writing a new version of it
    // (the no-op UPDATE did: a copy of the row with its profile, and its log record, on every write).
    private const string LockAccountSqlite =
        "UPDATE accounts SET last_seq = last_seq WHERE id = @account RETURNING last_seq AS LastSeq, profile AS Profile";

    private const string LockAccountPostgres =
        "SELECT last_seq AS LastSeq, profile AS Profile FROM accounts WHERE id = @account FOR UPDATE";

    private string LockAccount => _postgres is not null ? LockAccountPostgres : LockAccountSqlite;

    /// <summary>
    /// Opens a write holding the account's row lock (null when there is no such account). <paramref name="reads"/>
    /// are queries the write will make next: on PostgreSQL they go in the lock's round trip (see <see cref="ReadAhead"/>).
    /// </summary>
    public async Task<AccountWrite?> BeginAccountWriteAsync(AccountId account, CancellationToken cancel = default, params ReadAhead[] reads)
    {
        ArgumentNullException.ThrowIfNull(reads);
        var session = await BeginAsync(cancel).ConfigureAwait(false);
        try
        {
            // The profile comes along: nearly every write needs it, and this saves a round trip.
            var locked = _postgres is not null && reads.Length > 0 && reads.All(r => ParameterBinder.For(r.Parameters) is not null)
                ? await session.RoundTripAsync(() => LockAndReadAheadAsync(session, account, reads, cancel)).ConfigureAwait(false)
                : await session.QuerySingleOrDefaultAsync<LockedAccount>(LockAccount, new { account = account.Value }).ConfigureAwait(false);
            if (locked is null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            var write = AccountWrite.Wrap(session, account, locked.LastSeq, locked.Profile);
            foreach (var (read, rows) in locked.ReadAhead)
            {
                write.Remember(read, rows);
            }

            return write;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>PostgreSQL: the lock and the reads that follow it in one batch, so one round trip.</summary>
    private static async Task<LockedAccount?> LockAndReadAheadAsync(Session session, AccountId account, ReadAhead[] reads, CancellationToken cancel)
    {
        await using var batch = PostgresBatches.Of(session, reads.Select(r => (r.Sql, (object?)r.Parameters)).Prepend((LockAccountPostgres, new { account = account.Value })));

        await using var reader = await batch.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancel).ConfigureAwait(false))
        {
            return null;
        }

        var locked = new LockedAccount(reader.GetInt64(0), reader.GetString(1));
        foreach (var read in reads)
        {
            await reader.NextResultAsync(cancel).ConfigureAwait(false);
            var rows = new List<object?>();
            Func<DbDataReader, object>? parse = null;
            while (await reader.ReadAsync(cancel).ConfigureAwait(false))
            {
                parse ??= reader.GetRowParser(read.Row);
                rows.Add(parse(reader));
            }

            locked.ReadAhead.Add((read, rows));
        }

        return locked;
    }

    private sealed record LockedAccount(long LastSeq, string Profile)
    {
        public List<(ReadAhead Read, List<object?> Rows)> ReadAhead { get; } = [];
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteWriter is not null)
        {
            await _sqliteWriter.DisposeAsync().ConfigureAwait(false);
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }
    }
}
