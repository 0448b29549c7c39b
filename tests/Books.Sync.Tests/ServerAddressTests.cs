using BillingBooks.Books.Sync.Tests.Support;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// --server takes Billing's base address, http or https: anything else is one line on stderr, exit 1, nothing
/// saved, before Billing is contacted; an address with a path Billing does not serve says so.
/// </summary>
public class ServerAddressTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    [Fact]
    public void Sync_with_a_server_without_a_scheme_is_refused_suggesting_http_and_saves_nothing()
    {
        using var books = new BooksCompany();

        var run = books.WithPassword("pw", "sync", "--server", "127.0.0.1:5181", "--email", "owner@example.com", "--track-payments", "1060");

        AssertRefused(run, "http://127.0.0.1:5181");
        Assert.Null(books.Read(r => new Storage.SyncStore(r.Connection, r.Transaction).Settings().Email));
    }

    [Theory]
    [InlineData("notaurl")]
    [InlineData("ftp://x")]
    [InlineData("localhost:5080")]
    public void Settings_refuse_a_server_that_is_not_an_http_or_https_address_and_save_nothing(string server)
    {
        using var books = new BooksCompany();

        var run = books.Books("settings", "billing-sync", "--server", server, "--track-payments", "1060");

        AssertRefused(run, "http://");
        var saved = books.Read(r => new Storage.SyncStore(r.Connection, r.Transaction).Settings());
        Assert.Null(saved.Server);
        Assert.Null(saved.TrackPayments);
    }

    [Fact]
    public void Settings_refuse_a_server_address_carrying_a_password_and_save_nothing()
    {
        using var books = new BooksCompany();

        var run = books.Books("settings", "billing-sync", "--server", "https://me:secret@billing.example", "--track-payments", "1060");

        AssertRefused(run, "never a password");
        Assert.DoesNotContain("secret", run.Stderr, StringComparison.Ordinal);
        Assert.Null(books.Read(r => new Storage.SyncStore(r.Connection, r.Transaction).Settings()).Server);
    }

    [Fact]
    public void Sync_with_a_bad_server_saved_by_an_older_Books_is_refused_naming_the_flag_to_fix_it()
    {
        using var books = new BooksCompany();
        books.Tamper("UPDATE sync_settings SET server = 'notaurl', email = 'owner@example.com', track_sales = 4020, track_payments = 1060");

        var run = books.WithPassword("pw", "sync");

        AssertRefused(run, "--server");
    }

    [Fact]
    public async Task Server_with_a_path_Billing_does_not_serve_says_404_at_that_address_and_names_the_base_address()
    {
        using var billing = await BillingAccount.SignUpAsync(fixture.Server);
        using var books = new BooksCompany();
        var wrong = new Uri(fixture.Server, "api/v1");

        var run = books.WithPassword(billing.Password, "sync", "--server", wrong.ToString(), "--email", billing.Email, "--track-payments", "1060");

        AssertRefused(run, "404");
        Assert.Contains(wrong + "/", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("base address", run.Stderr, StringComparison.Ordinal);
        Assert.Null(books.Read(r => new Storage.SyncStore(r.Connection, r.Transaction).Settings().Email));
    }

    private static void AssertRefused(BooksRun run, string mentions)
    {
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(mentions, run.Stderr, StringComparison.Ordinal);
    }
}
