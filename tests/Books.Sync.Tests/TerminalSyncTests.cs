using System.Text.RegularExpressions;
using BillingBooks.Books.Sync.Tests.Support;
using static BillingBooks.Books.Sync.Tests.Support.TerminalSession;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>`books sync` on a real terminal: what the setup prompt says, and Ctrl-C typed during the progress bar.</summary>
public partial class TerminalSyncTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    [Fact]
    public async Task Track_Sales_shown_at_the_setup_names_the_whole_command_that_changes_it()
    {
        using var billing = await BillingAccount.SignUpAsync(fixture.Server);
        using var books = new BooksCompany();

        using var run = Start("--file", books.Path, "sync", "--server", fixture.Server.ToString(), "--email", billing.Email);
        await run.ExpectAsync("My account");
        await run.TypeAsync(Enter);
        await run.ExpectAsync("Track Sales: 4020");
        await run.ExpectAsync("Track Customer Payments");

        Assert.Contains($"books --file {books.Path} linked-accounts set default-revenue", Spaced(run.Screen), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_typed_during_the_progress_bar_cancels_the_sync_with_exit_130_and_the_next_sync_completes_it()
    {
        using var billing = await BillingAccount.SignUpAsync(fixture.Server);
        await History.InvoicesAsync(billing, 60);
        using var proxy = new FaultProxy(fixture.Server, faultRate: 0, seed: 1, stall: TimeSpan.Zero) { Healthy = true, Delay = TimeSpan.FromMilliseconds(150) };
        using var books = new BooksCompany();

        using var run = Start("--file", books.Path, "sync", "--server", proxy.Address.ToString(), "--email", billing.Email, "--track-payments", "1060", "--page-size", "3");
        await run.ExpectAsync($"Billing password for {billing.Email}:");
        await run.TypeSecretAsync(billing.Password + Enter);
        await run.ExpectAsync("Synchronizing with Billing");
        for (var wait = 0; AfterInterruption.Imported(books) == 0 && wait < 600; wait++) await Task.Delay(50);
        await run.TypeAsync("\u0003");

        Assert.True(await run.ExitCodeAsync() == 130, run.Screen);
        Assert.Contains("cancelled", run.Screen, StringComparison.Ordinal);
        Assert.DoesNotContain("Synchronized with Billing.", run.Screen, StringComparison.Ordinal);
        AfterInterruption.AssertTheNextSyncEndsAsOneSyncWould(books, fixture.Server, billing);
    }


    /// <summary>The screen with the terminal's line wraps undone (Spectre wraps long lines at spaces).</summary>
    private static string Spaced(string screen) => Whitespace().Replace(screen, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
