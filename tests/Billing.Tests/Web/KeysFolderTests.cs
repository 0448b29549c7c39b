using System.Net;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Web;

/// <summary>
/// The pages' sign-in cookie outlives a restart and is read by every instance sharing a keys folder: the Data
/// Protection keys that seal it are kept in --keys-dir, by default (SQLite) a keys folder next to the database. Each
/// process gets its own empty HOME, so ASP.NET Core's default (~/.aspnet/DataProtection-Keys) would be a new key
/// ring every time, as on a server whose instances do not share a home folder (or have none).
/// </summary>
public sealed class KeysFolderTests : IDisposable
{
    private const string Password = "correct horse battery";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("billing-keys-");

    [Fact]
    public async Task A_page_session_survives_a_restart_on_the_same_sqlite_file_with_keys_next_to_it()
    {
        var database = new BillingDatabase.Sqlite(Path.Combine(_folder.FullName, "billing.db"));
        using var browser = await SignedInBrowserAsync(database, []);

        await using (var again = await StartAsync(database, []))
        {
            using var same = SameCookies(browser, again.BaseAddress);
            using var dashboard = await same.GetAsync("");
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_folder.FullName, "keys"), "key-*.xml"));
    }

    [Fact]
    public async Task Instances_on_one_postgres_database_sharing_a_keys_dir_read_each_others_page_sessions()
    {
        await using var postgres = await TestPostgres.CreateDatabaseAsync();
        if (postgres is null)
        {
            return;
        }

        var keys = Path.Combine(_folder.FullName, "shared-keys");
        using var browser = await SignedInBrowserAsync(postgres.AsBillingDatabase(), ["--keys-dir", keys]);

        await using var other = await StartAsync(postgres.AsBillingDatabase(), ["--keys-dir", keys]);
        using var same = SameCookies(browser, other.BaseAddress);
        using var dashboard = await same.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
    }

    [Fact]
    public async Task A_keys_dir_that_cannot_be_a_folder_is_refused_at_start_naming_the_option()
    {
        var file = Path.Combine(_folder.FullName, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");

        var (code, output) = await BillingProcess.RunToExitAsync(
            ["--urls", "http://127.0.0.1:0", "--sqlite", Path.Combine(_folder.FullName, "billing.db"), "--keys-dir", file], TimeSpan.FromSeconds(60));

        Assert.StartsWith($"billing: cannot use {file} for the sign-in keys: ", output, StringComparison.Ordinal);
        Assert.EndsWith("check --keys-dir (a folder this user can create and write).", output.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(1, code);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>Signs in through the pages of a process that is stopped afterwards; the browser keeps its cookies.</summary>
    private async Task<PageClient> SignedInBrowserAsync(BillingDatabase database, IReadOnlyList<string> arguments)
    {
        await using var first = await StartAsync(database, arguments);
        var email = $"keys-{Guid.NewGuid():N}@example.com";
        await PageClient.SignUpThroughApiAsync(first.BaseAddress, email, Password);
        var browser = new PageClient(first.BaseAddress);
        using (var signIn = await browser.SignInAsync(email, Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using (var dashboard = await browser.GetAsync(""))
        {
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        }

        return browser;
    }

    /// <summary>A browser at another address (the new process's port) sending the cookies <paramref name="browser"/> holds.</summary>
    private static PageClient SameCookies(PageClient browser, Uri address)
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in browser.SetCookies.Select(header => header.Split(';')[0]))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            cookies[pair[..equals]] = pair[(equals + 1)..];
        }

        var live = cookies.Where(c => c.Value.Length > 0).Select(c => $"{c.Key}={c.Value}");
        return new PageClient(address, new Dictionary<string, string> { ["Cookie"] = string.Join("; ", live) });
    }

    /// <summary>A process with a HOME of its own, empty.</summary>
    private Task<BillingProcess> StartAsync(BillingDatabase database, IReadOnlyList<string> arguments) =>
        BillingProcess.StartAsync(database, arguments, environment: new Dictionary<string, string>
        {
            ["HOME"] = _folder.CreateSubdirectory("home-" + Guid.NewGuid().ToString("N")).FullName,
        });
}
