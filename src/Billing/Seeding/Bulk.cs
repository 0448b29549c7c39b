using System.Data;
using System.Data.Common;

namespace BillingBooks.Billing.Seeding;

/// <summary>One prepared INSERT run many times with new parameter values (the fast path on both databases).</summary>
internal sealed class Bulk : IDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public Bulk(DbConnection connection, DbTransaction transaction, string table, params (string Name, DbType Type)[] columns)
    {
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
        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
