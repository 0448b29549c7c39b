using Npgsql;

namespace BillingBooks.Billing.Storage;

/// <summary>Statements sent to PostgreSQL in one round trip (run in order; the first failure stops the rest).</summary>
internal static class PostgresBatches
{
    /// <summary>A batch of <paramref name="statements"/>, whose parameters <see cref="ParameterBinder"/> must bind.</summary>
    public static NpgsqlBatch Of(Session session, IEnumerable<(string Sql, object? Parameters)> statements)
    {
        var batch = new NpgsqlBatch((NpgsqlConnection)session.Connection, (NpgsqlTransaction)session.Transaction);
        foreach (var (sql, parameters) in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            var binder = ParameterBinder.For(parameters)
                ?? throw new InvalidOperationException($"Parameters of a batched statement must be plain values: {sql}");
            binder.AddParameters(command.Parameters, static () => new NpgsqlParameter());
            binder.SetValues(command.Parameters, parameters);
            batch.BatchCommands.Add(command);
        }

        return batch;
    }
}
