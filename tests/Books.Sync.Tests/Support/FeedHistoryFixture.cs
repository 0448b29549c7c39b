using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;

namespace BillingBooks.Books.Sync.Tests.Support;

/// <summary>
/// One real Billing process and one account with a history every kind of feed item comes from (customers, invoices
/// edited and voided, payments, a deleted payment), shared by tests that only read it; and what one clean sync of it
/// makes of a new company file.
/// </summary>
public sealed class FeedHistoryFixture : IAsyncLifetime
{
    private BillingProcess? _billing;
    private BillingAccount? _account;

    public Uri Server => (_billing ?? throw new InvalidOperationException("Billing is not started.")).BaseAddress;

    public BillingAccount Account => _account ?? throw new InvalidOperationException("Billing is not started.");

    /// <summary>The <see cref="Fingerprint"/> of a new company file after one clean sync of <see cref="Account"/>.</summary>
    public string OneSync { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _billing = await BillingProcess.StartAsync();
        _account = await SignUpAsync(Server);
        var invoices = await History.InvoicesAsync(_account, 8, customers: 3);
        await History.ChangeAsync(_account, invoices, seed: 5);
        var unpaid = await _account.InvoiceAsync(invoices[0].CustomerId, new DateOnly(2026, 3, 9), Line("Later", "1", "80.00", "GST"));
        var withdrawn = await _account.PayAsync(unpaid, "30.00", unpaid.Date, PaymentMethods.Cheque);
        await _account.DeletePaymentAsync(withdrawn.Id);

        using var once = new BooksCompany();
        var run = once.Sync(Server, _account);
        if (run.ExitCode != 0 || !run.Report.Reconciliation.Clean) throw new InvalidOperationException("the history does not sync cleanly: " + run);
        OneSync = once.Read(Fingerprint.Of);
    }

    public async Task DisposeAsync()
    {
        _account?.Dispose();
        if (_billing is not null) await _billing.DisposeAsync();
    }
}
