using BillingBooks.Billing.Testing;

namespace BillingBooks.Billing.Tests.Support;

/// <summary>
/// A Billing process a test starts for itself (with its own settings) on a fresh database of one kind: a temporary
/// SQLite file, or a PostgreSQL database made for it. Disposing stops the process and drops the database.
/// </summary>
public sealed class OwnBilling : IAsyncDisposable
{
    private readonly TestPostgresDatabase? _postgres;

    private OwnBilling(BillingProcess billing, TestPostgresDatabase? postgres)
    {
        Billing = billing;
        _postgres = postgres;
    }

    public BillingProcess Billing { get; }

    /// <summary>The process, or null on PostgreSQL when there is none outside CI (the test then returns).</summary>
    public static async Task<OwnBilling?> StartAsync(bool onPostgres, IEnumerable<string> extraArguments)
    {
        TestPostgresDatabase? postgres = null;
        if (onPostgres)
        {
            postgres = await TestPostgres.CreateDatabaseAsync().ConfigureAwait(false);
            if (postgres is null)
            {
                Console.WriteLine(TestPostgres.MissingMessage);
                return null;
            }
        }

        try
        {
            return new OwnBilling(await BillingProcess.StartAsync(postgres?.AsBillingDatabase(), extraArguments).ConfigureAwait(false), postgres);
        }
        catch
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Billing.DisposeAsync().ConfigureAwait(false);
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }
    }
}
