using System.Globalization;
using BillingBooks.Books.Sync.Tests.Support;
using Xunit.Abstractions;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// SPEC 3.5 exactly once: the real `books` process killed at random moments during a large sync; after each
/// kill the books are consistent with no duplicate, and the sync that finally completes equals one
/// uninterrupted sync into a fresh file (nothing lost). BOOKS_SYNC_CRASH_KILLS sets the number of kills
/// (default 50 in CI, 8 elsewhere).
/// </summary>
public class CrashTests(BillingFixture fixture, ITestOutputHelper output) : IClassFixture<BillingFixture>
{
    [Fact]
    public async Task Killing_books_at_random_moments_never_duplicates_or_loses_a_record()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("BOOKS_SYNC_CRASH_KILLS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? 50 : 8;
        using var billing = await BillingAccount.SignUpAsync(fixture.Server);
        var invoices = await History.InvoicesAsync(billing, 300);
        using var books = new BooksCompany();
        var random = new Random(20260302);
        string[] sync = ["--file", books.Path, "sync", "--server", fixture.Server.ToString(), "--email", billing.Email, "--track-payments", "1060", "--page-size", "3"];

        for (var kill = 0; kill < kills; kill++)
        {
            if (kill % 2 == 1) await History.ChangeAsync(billing, invoices, kill);
            using var process = BooksProcess.Start(billing.Password, sync);
            await Task.Delay(random.Next(300, 1400));
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Empty(books.Read(BooksInvariants.Problems));
            output.WriteLine($"kill {kill}: exit {process.ExitCode}, {books.Read(r => Dapper.SqlMapper.ExecuteScalar<long>(r.Connection, "SELECT COUNT(*) FROM sync_source", transaction: r.Transaction))} versions imported");
        }

        var done = books.Sync(fixture.Server, billing);
        Assert.True(done.ExitCode == 0, done.ToString());
        Assert.True(done.Report.Reconciliation.Clean, done.ToString());
        Assert.Empty(books.Read(BooksInvariants.Problems));
        using var once = new BooksCompany();
        Assert.Equal(0, once.Sync(fixture.Server, billing).ExitCode);
        Assert.Equal(once.Read(Fingerprint.Of), books.Read(Fingerprint.Of));
    }
}
