using System.Data;
using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace BillingBooks.Billing.Seeding;

/// <summary>
/// Many rows into one table, the fast way for each database: SQLite runs one prepared INSERT per row (it is
/// in-process, so a statement costs microseconds); PostgreSQL buffers the rows and sends them with one binary
/// COPY at <see cref="Flush"/> (a round trip per row would dominate). Flush tables in foreign-key order.
/// </summary>
internal sealed class Bulk : IDisposable
{
    private readonly DbConnection _connection;
    private readonly string _table;
    private readonly (string Name, DbType Type)[] _columns;
    private readonly DbCommand? _command;
    private readonly DbParameter[] _parameters = [];
    private readonly List<object?[]> _rows = [];

    public Bulk(DbConnection connection, DbTransaction transaction, string table, params (string Name, DbType Type)[] columns)
    {
        _connection = connection;
        _table = table;
        _columns = columns;
        if (connection is NpgsqlConnection)
        {
            return;
        }

        _command = connection.CreateCommand();
        _command.Transaction = transaction;
#pragma warning disable CA2100 // table and column names are constants of the seeder
        _command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select(c => "@" + c.Name))})";
#pragma warning restore CA2100
        _parameters = columns.Select(c =>
        {
            var p = _command.CreateParameter();
            p.ParameterName = c.Name;
            p.DbType = c.Type;
            _command.Parameters.Add(p);
            return p;
        }).ToArray();
        _command.Prepare();
    }

    public void Run(params object?[] values)
    {
        if (_command is null)
        {
            _rows.Add(values);
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
    }

    /// <summary>PostgreSQL: sends the buffered rows (one COPY). SQLite: nothing left to do.</summary>
    public void Flush()
    {
        if (_connection is not NpgsqlConnection postgres || _rows.Count == 0)
        {
            return;
        }

        using var importer = postgres.BeginBinaryImport($"COPY {_table} ({string.Join(", ", _columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in _rows)
        {
            importer.StartRow();
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null)
                {
                    importer.WriteNull();
                }
                else
                {
                    importer.Write(row[i], _columns[i].Type == DbType.Int64 ? NpgsqlDbType.Bigint : NpgsqlDbType.Text);
                }
            }
        }

        importer.Complete();
        _rows.Clear();
    }

    public void Dispose()
    {
        Flush();
        _command?.Dispose();
    }
}
