using BillingBooks.Billing.Testing;
using BillingBooks.Books.Sync.Tests.Support;
using Dapper;

namespace BillingBooks.Books.Sync.Tests.Client;

/// <summary>A token that expires mid-run is renewed with the password held in memory (SPEC 1.8 short-lived tokens).</summary>
public class TokenTests
{
    private const string Tokens = "/api/v1/tokens";

    [Fact]
    public async Task A_token_expiring_mid_run_is_renewed_and_the_sync_completes()
    {
        // A 4 s token; every request through the proxy takes 450 ms and the run makes more than 9 of them (a login, the
        // dataset, 12 one-item pages, the summary), so the token expires while the feed is being read.
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--Billing:TokenLifetime", "00:00:04"]);
        using var account = await BillingAccount.SignUpAsync(billing.BaseAddress);
        await History.InvoicesAsync(account, 6, customers: 2);
        using var proxy = new FaultProxy(billing.BaseAddress, faultRate: 0, seed: 1, stall: TimeSpan.Zero) { Delay = TimeSpan.FromMilliseconds(450) };
        using var books = new BooksCompany();

        var run = books.Sync(proxy.Address, account, "--page-size", "1");

        Assert.True(run.ExitCode == 0, run.ToString());
        // Renewed: Billing refused the expired token, and the sync logged in again and went on. Not an exact count of
        // logins per refusal: a clean-clone CI run once recorded 4 logins for 2 refusals at the proxy (cause not found;
        // the read-ahead page travels beside the current one), while the books below were right.
        var answered = proxy.Answered;
        var refused = answered.Count(a => a.Status == 401);
        Assert.True(refused >= 1, "the token never expired during the run: " + string.Join(", ", answered));
        Assert.True(answered.Count(a => a is { Method: "POST", Path: Tokens, Status: 201 }) >= 2, "the sync never logged in again: " + string.Join(", ", answered));
        Assert.DoesNotContain(answered, a => a.Status == 401 && a.Path == Tokens);
        // Nothing imported twice: the request refused and sent again posted nothing, so the books hold each invoice
        // and payment once, as one sync without any renewal makes them.
        Assert.Equal(6, run.Report.Invoices.Imported);
        Assert.Equal(4, run.Report.Payments.Imported);
        Assert.Equal([("receipt", 4L), ("sale", 6L)], books.Read(r => r.Connection.Query<(string, long)>(
            "SELECT kind, COUNT(*) FROM entry GROUP BY kind ORDER BY kind", transaction: r.Transaction).ToList()));
        Assert.True(run.Report.Reconciliation.Clean, run.ToString());
        using var once = new BooksCompany();
        Assert.Equal(0, once.Sync(billing.BaseAddress, account).ExitCode);
        Assert.Equal(once.Read(Fingerprint.Of), books.Read(Fingerprint.Of));
    }
}
