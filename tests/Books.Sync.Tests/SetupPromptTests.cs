using System.Text;
using Dapper;
using BillingBooks.Books.Sync.Tests.Support;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;
using static BillingBooks.Books.Sync.Tests.Support.TerminalSession;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// SPEC 3.1 on a real terminal: the first sync is the Synchronization Setup (it asks for what is missing, the
/// password masked); later runs ask only for the password; the password is never shown or stored.
/// </summary>
public class SetupPromptTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    [Fact]
    public async Task First_sync_on_a_terminal_asks_the_setup_questions_and_later_syncs_ask_only_for_the_password()
    {
        using var billing = await SignUpAsync(fixture.Server);
        var customer = await billing.AddCustomerAsync("Prompted");
        await billing.InvoiceAsync(customer.Id, new DateOnly(2026, 3, 2), Line("Work", "1", "100.00", "GST"));
        using var books = new BooksCompany();

        using (var first = Start("--file", books.Path, "sync", "--server", fixture.Server.ToString()))
        {
            await first.ExpectAsync("Synchronization Setup");
            await first.ExpectAsync("Billing email:");
            await first.TypeAsync(billing.Email + Enter);
            await first.ExpectAsync("My account");
            await first.TypeAsync(Enter);
            // Default Revenue is linked in a new company, so Track Sales is shown, not asked (SPEC 3.1).
            await first.ExpectAsync("Track Sales: 4020");
            await first.ExpectAsync("Track Customer Payments");
            await first.TypeAsync("1060" + Enter);
            await first.ExpectAsync($"Billing password for {billing.Email}:");
            await first.TypeSecretAsync(billing.Password + Enter);
            await first.ExpectAsync("Synchronized with Billing.");

            Assert.True(await first.ExitCodeAsync() == 0, first.Screen);
            Assert.DoesNotContain("Track Sales (revenue account)", first.Screen, StringComparison.Ordinal);
            Assert.DoesNotContain(billing.Password, first.Screen, StringComparison.Ordinal);
        }

        Assert.Equal(1L, books.Read(r => r.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM invoice", transaction: r.Transaction)));
        AssertNotStored(books.Path, billing.Password);

        using var second = Start("--file", books.Path, "sync", "--server", fixture.Server.ToString());
        await second.ExpectAsync($"Billing password for {billing.Email}:");
        await second.TypeSecretAsync(billing.Password + Enter);
        await second.ExpectAsync("Synchronized with Billing.");
        Assert.True(await second.ExitCodeAsync() == 0, second.Screen);
        Assert.DoesNotContain("Synchronization Setup", second.Screen, StringComparison.Ordinal);
        Assert.DoesNotContain(billing.Password, second.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_bookkeeper_on_a_terminal_asks_for_the_client_email_and_a_missing_contract_changes_nothing()
    {
        using var bookkeeper = await SignUpAsync(fixture.Server);
        using var client = await SignUpAsync(fixture.Server);
        using var books = new BooksCompany();

        using var run = Start("--file", books.Path, "sync", "--server", fixture.Server.ToString());
        await run.ExpectAsync("Billing email:");
        await run.TypeAsync(bookkeeper.Email + Enter);
        await run.ExpectAsync("I'm a bookkeeper");
        await run.TypeAsync(ArrowDown + Enter);
        await run.ExpectAsync("Client's Billing email:");
        await run.TypeAsync(client.Email + Enter);
        await run.ExpectAsync("Track Customer Payments");
        await run.TypeAsync("1060" + Enter);
        await run.ExpectAsync($"Billing password for {bookkeeper.Email}:");
        await run.TypeSecretAsync(bookkeeper.Password + Enter);
        await run.ExpectAsync("has no active bookkeeper contract with");

        Assert.True(await run.ExitCodeAsync() == 1, run.Screen);
        Assert.Contains(client.Email, run.Screen, StringComparison.Ordinal);
        Assert.Equal(0L, books.Read(r => r.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM sync_settings WHERE first_synced_at IS NOT NULL", transaction: r.Transaction)));
    }

    [Fact]
    public async Task A_wrong_password_typed_at_the_prompt_is_one_clear_error_and_exit_1()
    {
        using var billing = await SignUpAsync(fixture.Server);
        using var books = new BooksCompany();

        using var run = Start("--file", books.Path, "sync", "--server", fixture.Server.ToString(), "--email", billing.Email, "--track-payments", "1060");
        await run.ExpectAsync($"Billing password for {billing.Email}:");
        Assert.DoesNotContain("Synchronization Setup", run.Screen, StringComparison.Ordinal);
        await run.TypeSecretAsync("not-the-password" + Enter);

        Assert.True(await run.ExitCodeAsync() == 1, run.Screen);
        Assert.Contains("password", run.Screen.Split("Billing password for")[1], StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertNotStored(string companyPath, string password)
    {
        var secret = Encoding.UTF8.GetBytes(password);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(companyPath)!))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.True(copy.ToArray().AsSpan().IndexOf(secret) < 0, $"{file} contains the Billing password.");
        }
    }
}
