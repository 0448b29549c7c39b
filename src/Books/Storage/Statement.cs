using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BillingBooks.Books.Storage;

/// <summary>
/// A statement prepared once for a scope and bound by position: the posting hot path runs a few of these per
/// entry. Microsoft.Data.Sqlite looks every parameter up by name on every execution and Dapper prepares each
/// statement anew, which cost more than SQLite's own work; this binds with sqlite3_bind_* directly.
/// Runs on the scope's connection, so it is inside the scope's transaction like everything else.
/// </summary>
internal sealed class Statement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private int _bound;

    public Statement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("Bug: the connection is not open.");
        Check(raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement, out _));
    }

    /// <summary>Binds the next parameter (?1, ?2, ... in order of the calls after the last run).</summary>
    public Statement Add(long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, ++_bound, value));
        return this;
    }

    public Statement Add(long? value) => value is { } v ? Add(v) : AddNull();

    public Statement Add(string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(_statement, ++_bound) : raw.sqlite3_bind_text(_statement, ++_bound, value));
        return this;
    }

    public Statement AddNull()
    {
        Check(raw.sqlite3_bind_null(_statement, ++_bound));
        return this;
    }

    /// <summary>Runs a statement that returns no rows; returns the number of rows it changed.</summary>
    public int Run()
    {
        try
        {
            Step();
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Runs a query and maps each row; the rows are read before this returns.</summary>
    public List<T> Rows<T>(Func<Row, T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var rows = new List<T>();
        try
        {
            while (Step())
            {
                rows.Add(map(new Row(_statement)));
            }
        }
        finally
        {
            Reset();
        }

        return rows;
    }

    /// <summary>The first row mapped, or default when there is none.</summary>
    public T? First<T>(Func<Row, T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        try
        {
            return Step() ? map(new Row(_statement)) : default;
        }
        finally
        {
            Reset();
        }
    }

    public void Dispose() => _statement.Dispose();

    private bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }

        return false;
    }

    private void Reset()
    {
        _bound = 0;
        raw.sqlite3_reset(_statement);
        raw.sqlite3_clear_bindings(_statement);
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        }
    }

    /// <summary>The current row of a query, read by column position.</summary>
    public readonly struct Row(sqlite3_stmt statement)
    {
        public long Long(int column) => raw.sqlite3_column_int64(statement, column);

        public long? NullableLong(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(statement, column);

        public string Text(int column) => raw.sqlite3_column_text(statement, column).utf8_to_string();

        public string? NullableText(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : Text(column);
    }
}
