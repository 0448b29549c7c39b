using BillingBooks.Billing.Testing;

namespace BillingBooks.Books.Sync.Tests.Support;

/// <summary>One real Billing process (SQLite, loopback, free port) shared by a test class; each test signs up its own account.</summary>
public sealed class BillingFixture : IAsyncLifetime
{
    private BillingProcess? _billing;

    public BillingProcess Billing => _billing ?? throw new InvalidOperationException("Billing is not started.");

    public Uri Server => Billing.BaseAddress;

    public async Task InitializeAsync() => _billing = await BillingProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_billing is not null) await _billing.DisposeAsync();
    }
}
