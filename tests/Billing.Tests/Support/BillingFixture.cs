using BillingBooks.Billing.Testing;

namespace BillingBooks.Billing.Tests.Support;

/// <summary>
/// One running Billing process per test class and database kind, on a test clock that holds still near the real time
/// (<see cref="BillingProcess.Clock"/>): what a test asserts about time is exact, and a test that moves the clock
/// moves it for the rest of its class.
/// </summary>
public abstract class BillingFixture : IAsyncLifetime
{
    private TestPostgresDatabase? _postgres;
    private BillingProcess? _billing;

    /// <summary>Why the tests of this fixture do not run (PostgreSQL missing outside CI), else null.</summary>
    public string? SkipReason { get; private set; }

    public BillingProcess Billing => _billing ?? throw new InvalidOperationException(SkipReason ?? "The fixture did not start.");

    public abstract string Kind { get; }

    /// <summary>Where this process writes its mail (.eml files): the invitation links are read from there.</summary>
    public string MailFolder => Billing.MailFolder!;

    public async Task InitializeAsync()
    {
        if (Kind == "postgres")
        {
            _postgres = await TestPostgres.CreateDatabaseAsync().ConfigureAwait(false);
            if (_postgres is null)
            {
                SkipReason = TestPostgres.MissingMessage;
                return;
            }
        }

        _billing = await BillingProcess.StartAsync(_postgres?.AsBillingDatabase(), clock: ProcessClock.WholeSecondNow()).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (_billing is not null)
        {
            await _billing.DisposeAsync().ConfigureAwait(false);
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }
    }
}

public sealed class SqliteBilling : BillingFixture
{
    public override string Kind => "sqlite";
}

public sealed class PostgresBilling : BillingFixture
{
    public override string Kind => "postgres";
}
