using BillingBooks.Billing.Testing;
using Npgsql;

namespace BillingBooks.Billing.Tests.Storage;

/// <summary>
/// A database the service cannot reach at start (wrong password, closed port, no such database, a SQLite file it
/// cannot create) is one line saying where it tried, what the server answered and which option to check, and exit
/// code 1: no crash with a stack trace, and never the password.
/// </summary>
public sealed class UnreachableDatabaseTests
{
    private const string WrongPassword = "not-the-password-7f3a";

    public static TheoryData<string, string, string> Postgres => new()
    {
        { "wrong password", $"Password={WrongPassword}", "password authentication failed for user \"billing\"" },
        { "missing database", "Database=billing_no_such_database", "database \"billing_no_such_database\" does not exist" },
    };

    [Theory]
    [MemberData(nameof(Postgres))]
    public async Task A_postgres_that_refuses_the_connection_is_one_line_and_exit_code_1(string why, string change, string answer)
    {
        _ = why;
        if (ServerWith(change) is not { } connectionString)
        {
            return;
        }

        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var (code, output) = await BillingProcess.RunToExitAsync(["--urls", "http://127.0.0.1:0", "--postgres", connectionString], TimeSpan.FromSeconds(60));

        Assert.Equal($"billing: cannot connect to PostgreSQL at {settings.Host}:{settings.Port}/{settings.Database}: {answer}; check --postgres.", output.TrimEnd());
        Assert.Equal(1, code);
    }

    [Fact]
    public async Task A_closed_postgres_port_is_one_line_and_exit_code_1()
    {
        var connectionString = $"Host=127.0.0.1;Port=1;Username=billing;Password={WrongPassword};Database=billing";
        var (code, output) = await BillingProcess.RunToExitAsync(["--urls", "http://127.0.0.1:0", "--postgres", connectionString], TimeSpan.FromSeconds(60));

        var line = Assert.Single(output.TrimEnd().Split('\n'));
        Assert.StartsWith("billing: cannot connect to PostgreSQL at 127.0.0.1:1/billing: ", line, StringComparison.Ordinal);
        Assert.EndsWith("; check --postgres.", line, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPassword, line, StringComparison.Ordinal);
        Assert.Equal(1, code);
    }

    [Fact]
    public async Task Seed_on_a_postgres_that_refuses_the_connection_is_one_line_and_exit_code_1()
    {
        if (ServerWith($"Password={WrongPassword}") is not { } connectionString)
        {
            return;
        }

        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var (code, output) = await BillingProcess.RunToExitAsync(
            ["seed", "--email", "seed@example.com", "--password", "seed password 1", "--postgres", connectionString], TimeSpan.FromSeconds(60));

        Assert.Equal(
            $"billing seed: cannot connect to PostgreSQL at {settings.Host}:{settings.Port}/{settings.Database}: password authentication failed for user \"billing\"; check --postgres.",
            output.TrimEnd());
        Assert.Equal(1, code);
    }

    [Fact]
    public async Task A_sqlite_file_that_cannot_be_created_is_one_line_and_exit_code_1()
    {
        var folder = Directory.CreateTempSubdirectory("billing-args-");
        try
        {
            // A folder cannot be made inside a file (this works as root too, unlike a folder without write permission).
            var notAFolder = Path.Combine(folder.FullName, "a-file");
            await File.WriteAllTextAsync(notAFolder, "");
            var path = Path.Combine(notAFolder, "billing.db");
            var (code, output) = await BillingProcess.RunToExitAsync(["--urls", "http://127.0.0.1:0", "--sqlite", path], TimeSpan.FromSeconds(60));

            var line = Assert.Single(output.TrimEnd().Split('\n'));
            Assert.StartsWith($"billing: cannot open the SQLite database {path}: ", line, StringComparison.Ordinal);
            Assert.EndsWith("; check --sqlite.", line, StringComparison.Ordinal);
            Assert.Equal(1, code);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The test server's connection string with one setting changed; null (the test skipped) without a server.</summary>
    private static string? ServerWith(string change)
    {
        if (TestPostgres.ServerConnectionString is not { } server)
        {
            return TestPostgres.IsCi ? throw new InvalidOperationException("Under CI=true PostgreSQL tests must run.") : null;
        }

        var builder = new NpgsqlConnectionStringBuilder(server);
        var (key, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        builder[key] = value;
        return builder.ConnectionString;
    }
}
