using System.Data;
using BillingBooks.Billing.Customers;
using DbUp.Engine;

namespace BillingBooks.Billing.Storage.Migrations;

/// <summary>
/// Migration 0151: the search key of every customer saved before 0150 added the column. In C#, not SQL, because the
/// key is the application's folding (<see cref="CustomerSearchKey"/>), which neither SQLite nor PostgreSQL (without
/// an extension) can compute. It runs once, in the migration's transaction, before the service answers requests.
/// </summary>
internal sealed class CustomerSearchKeyBackfill : IScript
{
    /// <summary>Sorts after 0150_customer_search_key.sql, among the embedded scripts' names.</summary>
    public const string Name = "BillingBooks.Billing.Storage.Migrations.0151_customer_search_key_backfill.cs";

    public string ProvideScript(Func<IDbCommand> dbCommandFactory)
    {
        ArgumentNullException.ThrowIfNull(dbCommandFactory);
        var customers = new List<(long Id, string Name)>();
        using (var select = dbCommandFactory())
        {
            select.CommandText = "SELECT id, name FROM customers";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                customers.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        using var update = dbCommandFactory();
        update.CommandText = "UPDATE customers SET search_key = @key WHERE id = @id";
        var key = Parameter(update, "key", DbType.String);
        var id = Parameter(update, "id", DbType.Int64);
        foreach (var customer in customers)
        {
            key.Value = CustomerSearchKey.Of(customer.Name);
            id.Value = customer.Id;
            update.ExecuteNonQuery();
        }

        // The work is done above; nothing is left for DbUp to run.
        return "";
    }

    private static IDbDataParameter Parameter(IDbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
