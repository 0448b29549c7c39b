using System.Collections.Concurrent;
using System.Data;
using System.Globalization;
using System.Reflection;
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
        var binder = parameters is null ? ParameterBinder.None : ParameterBinder.For(parameters.GetType());
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
            binder.AddParameters(command);
            statement.Binder = binder;
        }

        binder.SetValues(command, parameters);
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
    private static T Convert<T>(object? value) => value switch
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

    /// <summary>Binds the properties of an anonymous parameter object by name, for the plain types SQLite binds the same way Dapper does.</summary>
    private sealed class ParameterBinder
    {
        public static readonly ParameterBinder None = new([]);

        private static readonly ConcurrentDictionary<Type, ParameterBinder?> Binders = new();

        private static readonly HashSet<Type> Plain =
        [
            typeof(string), typeof(long), typeof(long?), typeof(int), typeof(int?), typeof(bool), typeof(bool?), typeof(double), typeof(double?), typeof(byte[]),
        ];

        private readonly (string Name, PropertyInfo Property)[] _properties;

        private ParameterBinder((string Name, PropertyInfo Property)[] properties) => _properties = properties;

        /// <summary>Null when a property has a type Dapper treats specially (lists, enums, decimals, dates): Dapper binds those.</summary>
        public static ParameterBinder? For(Type type) => Binders.GetOrAdd(type, static t =>
        {
            var properties = t.GetProperties(BindingFlags.Public | BindingFlags.Instance);
            return properties.All(p => Plain.Contains(p.PropertyType) && p.GetIndexParameters().Length == 0)
                ? new ParameterBinder(properties.Select(p => ("@" + p.Name, p)).ToArray())
                : null;
        });

        public void AddParameters(SqliteCommand command)
        {
            command.Parameters.Clear();
            foreach (var (name, _) in _properties)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
        }

        public void SetValues(SqliteCommand command, object? parameters)
        {
            var bound = command.Parameters;
            for (var i = 0; i < _properties.Length; i++)
            {
                bound[i].Value = _properties[i].Property.GetValue(parameters) ?? DBNull.Value;
            }
        }
    }
}
