using System.Net.Sockets;
using BillingBooks.Billing.Web;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BillingBooks.Billing.Storage;

public static class StorageOptions
{
    public const string DefaultSqlitePath = "data/billing.db";

    /// <summary>--postgres "CONNECTION STRING" runs on PostgreSQL; otherwise SQLite at --sqlite PATH (default data/billing.db).</summary>
    public static Database Open(string? sqlitePath, string? postgres) =>
        !string.IsNullOrWhiteSpace(postgres)
            ? Database.Postgres(postgres)
            : Database.Sqlite(string.IsNullOrWhiteSpace(sqlitePath) ? DefaultSqlitePath : sqlitePath);

    /// <summary>
    /// The database with its schema created or upgraded; null when it cannot be opened or reached (a wrong password,
    /// a closed port, no such database, a SQLite file that cannot be made), told in <paramref name="errors"/> in one
    /// line saying where it tried, what the server answered and which option to check, never with the password.
    /// </summary>
    public static Database? OpenAndMigrate(string? sqlitePath, string? postgres, ICollection<CommandLineError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var onPostgres = !string.IsNullOrWhiteSpace(postgres);
        var sqliteFile = Path.GetFullPath(string.IsNullOrWhiteSpace(sqlitePath) ? DefaultSqlitePath : sqlitePath);
        Database? db = null;
        try
        {
            db = Open(sqlitePath, postgres);
            db.Migrate();
            return db;
        }
        catch (Exception e) when (Unreachable(e) is { } reason)
        {
            errors.Add(new CommandLineError(onPostgres
                ? $"cannot connect to PostgreSQL at {Database.PostgresAddress(postgres!)}: {reason}; check --postgres."
                : $"cannot open the SQLite database {sqliteFile}: {reason}; check --sqlite."));
            db?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return null;
        }
    }

    /// <summary>What the database (or the system) answered, when <paramref name="e"/> says it cannot be reached; null for anything else (a bug).</summary>
    private static string? Unreachable(Exception e) => e switch
    {
        PostgresException pg => pg.MessageText,
        NpgsqlException { InnerException: SocketException socket } => Sentence(socket.Message),
        NpgsqlException { InnerException: TimeoutException } => "no answer in time (is the host right, and does a firewall let the port through?)",
        NpgsqlException npgsql => Sentence(npgsql.InnerException?.Message ?? npgsql.Message),
        SqliteException sqlite =>
            $"{SQLitePCL.raw.sqlite3_errstr(sqlite.SqliteErrorCode).utf8_to_string()} (its folder must exist or be one this user can create, and be writable by it)",
        IOException or UnauthorizedAccessException => Sentence(e.Message),
        _ => null,
    };

    /// <summary>A message as the middle of our sentence: "Connection refused" reads "connection refused".</summary>
    private static string Sentence(string message)
    {
        var text = message.Trim().TrimEnd('.');
        return text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    /// <summary>A --postgres that Npgsql cannot read is added to <paramref name="errors"/>, without its text (it may hold a password).</summary>
    public static void Check(string? postgres, ICollection<CommandLineError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(postgres))
        {
            return;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(postgres);
        }
        catch (ArgumentException e)
        {
            // Npgsql names the keyword it could not set as the parameter; the message alone may quote a value.
            var what = e.ParamName is { Length: > 0 } keyword ? $"it has '{keyword}', which is no setting or has a value of the wrong kind" : "it is not keyword=value pairs";
            errors.Add(new CommandLineError(
                $"--postgres is not a PostgreSQL connection string: {what}; write it like --postgres \"Host=db.example.com;Username=billing;Password=...;Database=billing\"."));
        }
    }
}
