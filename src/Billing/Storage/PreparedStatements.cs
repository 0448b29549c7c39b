using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Billing.Storage;

/// <summary>
/// The prepared statements of SQLite's one writer connection, kept across requests: Microsoft.Data.Sqlite
/// prepares a command's SQL anew for every new command object (as Dapper makes), which cost more than running
/// most of our statements. Only the writer uses this (it holds the writer slot, so one request at a time);
/// rows are mapped by Dapper's own row parsers, so results are exactly what Dapper's queries give.
/// </summary>
internal sealed class PreparedStatements(SqliteConnection connection)
{
    // The SQL texts are constants of the code, so this stays small; the cap only guards against a bug.
    private const int MaxStatements = 500;

    private readonly Dictionary<string, Statement> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="sql"/> with <paramref name="parameters"/> bound, or null when Dapper must bind them.</summary>
    public SqliteCommand? Bind(string sql, object? parameters, SqliteTransaction transaction)
    {
        var binder = ParameterBinder.For(parameters);
        if (binder is null)
        {
            return null;
        }

        if (!_commands.TryGetValue(sql, out var statement))
        {
            if (_commands.Count >= MaxStatements)
            {
                Clear();
            }

            var created = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL comes from the stores' constants; values are always bound as parameters.
            created.CommandText = sql;
#pragma warning restore CA2100
            statement = _commands[sql] = new Statement(created);
        }

        var command = statement.Command;
        command.Transaction = transaction;
        if (!ReferenceEquals(statement.Binder, binder))
        {
            binder.AddParameters(command.Parameters, static () => new SqliteParameter());
            statement.Binder = binder;
        }

        binder.SetValues(command.Parameters, parameters);
        return command;
    }

    public static List<T> Query<T>(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        if (reader.Read())
        {
            var parse = reader.GetRowParser(typeof(T));
            do
            {
                rows.Add(Convert<T>(parse(reader)));
            }
            while (reader.Read());
        }

        return rows;
    }

    /// <summary>Dapper's QuerySingle(OrDefault) rules: more than one row is a bug; none is one too unless <paramref name="orDefault"/>.</summary>
    public static T? Single<T>(SqliteCommand command, bool orDefault)
    {
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return orDefault ? default : throw new InvalidOperationException("Sequence contains no elements");
        }

        var value = Convert<T>(reader.GetRowParser(typeof(T))(reader));
        if (reader.Read())
        {
            throw new InvalidOperationException("Sequence contains more than one element");
        }

        // Like Dapper, read to the end so a RETURNING statement has finished before the reader is disposed.
        while (reader.NextResult())
        {
        }

        return value;
    }

    /// <summary>As Dapper's typed queries do: a null column is the default, another numeric type is converted.</summary>
    internal static T Convert<T>(object? value) => value switch
    {
        null or DBNull => default!,
        T typed => typed,
        _ => (T)System.Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture),
    };

    public void Clear()
    {
        foreach (var statement in _commands.Values)
        {
            statement.Command.Dispose();
        }

        _commands.Clear();
    }

    private sealed class Statement(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;

        public ParameterBinder? Binder { get; set; }
    }
}
