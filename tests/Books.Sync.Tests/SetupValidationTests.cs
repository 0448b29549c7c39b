using BillingBooks.Books.Sync.Tests.Support;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// The Synchronization Setup's accounts and emails are checked by `sync` and `settings billing-sync` alike,
/// before anything is saved and before Billing is asked anything: a payments account is an asset account
/// that can take deposits (as for a receipt), Track Sales a revenue account, an email looks like one.
/// </summary>
public class SetupValidationTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    [Theory]
    [InlineData("--track-payments", "1061")]
    [InlineData("--track-payments", "10600")]
    [InlineData("--paypal-account", "9999")]
    [InlineData("--other-payments-account", "1061")]
    public async Task Sync_with_a_payments_account_that_does_not_exist_is_refused_and_saves_nothing(string flag, string account)
    {
        using var billing = await BillingAccount.SignUpAsync(fixture.Server);
        using var books = new BooksCompany();

        var run = Sync(books, billing, flag, account);

        AssertRefused(run, $"Account {account} does not exist");
        Assert.Contains("asset", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("--type revenue", run.Stderr, StringComparison.Ordinal);
        AssertNothingSaved(books);
    }

    [Theory]
    [InlineData("--track-payments", "4020", "revenue")]
    [InlineData("--track-payments", "1200", "Accounts Receivable")]
    [InlineData("--paypal-account", "2310", "liability")]
    [InlineData("--other-payments-account", "5030", "expense")]
    public async Task Sync_with_a_payments_account_that_cannot_take_deposits_is_refused_and_saves_nothing(string flag, string account, string why)
    {
        using var billing = await BillingAccount.SignUpAsync(fixture.Server);
        using var books = new BooksCompany();

        var run = Sync(books, billing, flag, account);

        AssertRefused(run, flag);
        Assert.Contains(account, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(why, run.Stderr, StringComparison.Ordinal);
        AssertNothingSaved(books);
    }

    [Theory]
    [InlineData("--track-payments", "4020", "revenue")]
    [InlineData("--paypal-account", "2310", "liability")]
    [InlineData("--paypal-account", "4020", "revenue")]
    [InlineData("--other-payments-account", "5030", "expense")]
    [InlineData("--other-payments-account", "1200", "Accounts Receivable")]
    public void Settings_refuse_a_payments_account_that_cannot_take_deposits_and_save_nothing(string flag, string account, string why)
    {
        using var books = new BooksCompany();

        var run = books.Books("settings", "billing-sync", flag, account);

        AssertRefused(run, flag);
        Assert.Contains(why, run.Stderr, StringComparison.Ordinal);
        AssertNothingSaved(books);
    }

    [Fact]
    public void Settings_refuse_an_inactive_payments_account()
    {
        using var books = new BooksCompany();
        Assert.Equal(0, books.Books("accounts", "deactivate", "1080").ExitCode);

        var run = books.Books("settings", "billing-sync", "--paypal-account", "1080");

        AssertRefused(run, "inactive");
        AssertNothingSaved(books);
    }

    [Fact]
    public void Settings_for_a_payments_account_that_does_not_exist_suggest_an_asset_account_not_a_revenue_one()
    {
        using var books = new BooksCompany();

        var run = books.Books("settings", "billing-sync", "--track-payments", "9999");

        AssertRefused(run, "Account 9999 does not exist");
        Assert.Contains("asset", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("--type revenue", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_with_Track_Sales_that_is_not_a_revenue_account_say_so_instead_of_suggesting_to_link_it()
    {
        using var books = new BooksCompany();

        var run = books.Books("settings", "billing-sync", "--track-sales", "1060");

        AssertRefused(run, "revenue account");
        Assert.DoesNotContain("linked-accounts set default-revenue 1060", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("incomplete", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_with_another_revenue_account_for_Track_Sales_name_the_linked_account_command_without_calling_the_setup_incomplete()
    {
        using var books = new BooksCompany();

        var run = books.Books("settings", "billing-sync", "--track-sales", "4200");

        AssertRefused(run, "linked-accounts set default-revenue 4200");
        Assert.Contains("Default Revenue linked account 4020", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("incomplete", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--email", "not-an-email")]
    [InlineData("--email", "two@at@example.com")]
    [InlineData("--client-email", "nobody")]
    public void Sync_refuses_an_email_that_is_not_one_before_asking_Billing_for_the_password(string flag, string email)
    {
        using var books = new BooksCompany();
        string[] args = ["sync", "--server", fixture.Server.ToString(), "--track-payments", "1060", flag, email];
        if (flag != "--email") args = [.. args, "--email", "owner@example.com"];

        var run = books.WithPassword("not the password", args);

        AssertRefused(run, email);
        Assert.Contains(flag, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("password", run.Stderr, StringComparison.Ordinal);
        AssertNothingSaved(books);
    }

    [Fact]
    public void Sync_refuses_an_account_before_asking_Billing_for_the_password()
    {
        using var books = new BooksCompany();

        var run = books.WithPassword("not the password", "sync", "--server", fixture.Server.ToString(), "--email", "owner@example.com", "--track-payments", "10600");

        AssertRefused(run, "Account 10600 does not exist");
        Assert.DoesNotContain("password", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_refuse_an_email_that_is_not_one()
    {
        using var books = new BooksCompany();

        var run = books.Books("settings", "billing-sync", "--email", "not-an-email");

        AssertRefused(run, "not-an-email");
        AssertNothingSaved(books);
    }

    /// <summary>`books sync` with a complete setup but for <paramref name="flag"/>, which takes <paramref name="value"/>.</summary>
    private BooksRun Sync(BooksCompany books, BillingAccount billing, string flag, string value)
    {
        var payments = flag == "--track-payments" ? value : "1060";
        string[] args = ["sync", "--server", fixture.Server.ToString(), "--email", billing.Email, "--track-payments", payments, "--format", "json"];
        return books.WithPassword(billing.Password, flag == "--track-payments" ? args : [.. args, flag, value]);
    }

    private static void AssertRefused(BooksRun run, string mentions)
    {
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(mentions, run.Stderr, StringComparison.Ordinal);
    }

    private static void AssertNothingSaved(BooksCompany books)
    {
        var saved = books.Read(r => new Storage.SyncStore(r.Connection, r.Transaction).Settings());
        Assert.Equal((null, null, null, null, null, null), (saved.Server, saved.Email, saved.LastEmail, saved.TrackPayments, saved.PayPalAccount, saved.OtherPaymentsAccount));
    }
}
