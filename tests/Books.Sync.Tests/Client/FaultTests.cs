using BillingBooks.Books.Sync.Tests.Support;
using Xunit.Abstractions;

namespace BillingBooks.Books.Sync.Tests.Client;

/// <summary>
/// A network that resets connections, answers 500/503, stalls and truncates bodies: every run finishes or
/// stops with exit 1, the books are never half-posted, and the run that gets through equals a clean sync.
/// </summary>
public class FaultTests(BillingFixture fixture, ITestOutputHelper output) : IClassFixture<BillingFixture>
{
    [Fact]
    public async Task Faulty_network_never_leaves_the_books_half_posted()
    {
        using var billing = await BillingAccount.SignUpAsync(fixture.Server);
        var invoices = await History.InvoicesAsync(billing, 40);
        using var proxy = new FaultProxy(fixture.Server, faultRate: 0.4, seed: 7, stall: TimeSpan.FromMilliseconds(1500));
        using var books = new BooksCompany();
        var exits = new List<int>();

        for (var run = 0; run < 25 && !exits.Contains(0); run++)
        {
            if (run == 3) await History.ChangeAsync(billing, invoices, run);
            var result = books.Sync(proxy.Address, billing, "--page-size", "4");
            Assert.True(result.ExitCode is 0 or 1, result.ToString());
            exits.Add(result.ExitCode);
            Assert.Empty(books.Read(BooksInvariants.Problems));
        }

        output.WriteLine($"exits {string.Join(",", exits)}; {proxy.Faults} faults injected");
        Assert.Contains(0, exits);
        Assert.True(proxy.Faults > 5, $"only {proxy.Faults} faults injected");
        proxy.Healthy = true;
        var last = books.Sync(proxy.Address, billing);
        Assert.True(last.ExitCode == 0 && last.Report.Reconciliation.Clean, last.ToString());
        using var clean = new BooksCompany();
        Assert.Equal(0, clean.Sync(fixture.Server, billing).ExitCode);
        Assert.Equal(clean.Read(Fingerprint.Of), books.Read(Fingerprint.Of));
    }
}
