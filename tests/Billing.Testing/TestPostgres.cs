using Npgsql;

namespace BillingBooks.Billing.Testing;

/// <summary>
/// Fresh PostgreSQL databases for tests. The server is named by the environment variable
/// BILLING_TEST_POSTGRES (a connection string whose role may CREATE DATABASE; scripts/test sets it).
/// When it is missing, <see cref="CreateDatabaseAsync"/> throws under CI=true and returns null otherwise, so a
/// test can return early with <see cref="MissingMessage"/>.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "BILLING_TEST_POSTGRES";

    public static string MissingMessage => $"PostgreSQL tests skipped: set {Variable} to a connection string (scripts/test does).";

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates an empty database with a unique name; dispose the result to drop it.</summary>
    public static async Task<TestPostgresDatabase?> CreateDatabaseAsync(string prefix = "billing_t")
    {
        var server = ServerConnectionString;
        if (server is null)
        {
            return IsCi ? throw new InvalidOperationException($"{Variable} is not set, and under CI=true PostgreSQL tests must run.") : null;
        }

        if (!prefix.All(c => c is '_' || char.IsAsciiLetterLower(c)))
        {
            throw new ArgumentException("The prefix is lower-case letters and underscores.", nameof(prefix));
        }

        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            #pragma warning disable CA2100 // the name is a checked prefix and a GUID
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return new TestPostgresDatabase(server, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, name);
    }
}

public sealed class TestPostgresDatabase(string server, string connectionString, string name) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public string Name { get; } = name;

    public BillingDatabase AsBillingDatabase() => new BillingDatabase.Postgres(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        #pragma warning disable CA2100 // the name is a checked prefix and a GUID
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        // A session that connects between FORCE's termination and the drop (seen once in CI with every suite running)
        // makes it fail with object_in_use: try again a little later.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt)).ConfigureAwait(false);
            }
        }
    }
}
