using BillingBooks.Billing.Testing;
using BillingBooks.Books.Sync.Tests.Support;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>A token that expires mid-run is renewed with the password held in memory (SPEC 1.8 short-lived tokens).</summary>
public class TokenTests
{
    [Fact]
    public async Task A_token_expiring_mid_run_is_renewed_and_the_sync_completes()
    {
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--Billing:TokenLifetime", "00:00:04"]);
        using var account = await BillingAccount.SignUpAsync(billing.BaseAddress);
        await History.InvoicesAsync(account, 6, customers: 2);
        using var proxy = new FaultProxy(billing.BaseAddress, faultRate: 0, seed: 1, stall: TimeSpan.Zero) { Delay = TimeSpan.FromMilliseconds(450) };
        using var books = new BooksCompany();

        var run = books.Sync(proxy.Address, account, "--page-size", "1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(6, run.Report.Invoices.Imported);
        Assert.True(run.Report.Reconciliation.Clean, run.ToString());
    }
}
