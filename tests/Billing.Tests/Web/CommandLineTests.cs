using BillingBooks.Billing.Testing;

namespace BillingBooks.Billing.Tests.Web;

/// <summary>
/// A command-line value the service cannot start with is refused before it starts: one line on stderr saying what is
/// wrong and how to write it, exit code 1, and no stack trace (which read like a crash).
/// </summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--trusted-proxy", "10.0.0.300",
        "billing: --trusted-proxy '10.0.0.300' is not an IP address or network; write it like --trusted-proxy 10.0.0.5 or --trusted-proxy 10.0.0.0/24 (repeat the option for more).")]
    [InlineData("--smtp", "mail.example.com",
        "billing: --smtp 'mail.example.com' is not host:port; write it like --smtp mail.example.com:587.")]
    [InlineData("--smtp", "mail.example.com:70000",
        "billing: --smtp 'mail.example.com:70000' is not host:port; write it like --smtp mail.example.com:587.")]
    [InlineData("--postgres", "Hots=db.example.com;Database=billing",
        "billing: --postgres is not a PostgreSQL connection string: it has 'hots', which is no setting or has a value of the wrong kind; write it like --postgres \"Host=db.example.com;Username=billing;Password=...;Database=billing\".")]
    [InlineData("--test-clock", "2026-11-26 12:00",
        "billing: --test-clock '2026-11-26 12:00' is not an instant; write it like --test-clock 2026-11-26T12:00:00Z (UTC, or with an offset like -05:00) or --test-clock now. It is for tests only.")]
    public async Task A_bad_value_is_one_line_saying_how_to_write_it_and_exit_code_1(string option, string value, string message)
    {
        var folder = Directory.CreateTempSubdirectory("billing-args-");
        try
        {
            var (code, output) = await BillingProcess.RunToExitAsync(
                ["--urls", "http://127.0.0.1:0", "--sqlite", Path.Combine(folder.FullName, "billing.db"), option, value], TimeSpan.FromSeconds(60));

            Assert.Equal(message, output.TrimEnd());
            Assert.Equal(1, code);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--postgre", "Host=db.example.com;Database=billing", "--postgre")]
    [InlineData("--bogus-option", "x", "--bogus-option")]
    [InlineData("--Billing:TokenLifetme", "00:10:00", "--Billing:TokenLifetme")]
    public async Task An_unknown_option_is_refused_by_name_with_the_known_ones_and_nothing_is_created(string option, string value, string named)
    {
        var folder = Directory.CreateTempSubdirectory("billing-args-");
        try
        {
            var file = Path.Combine(folder.FullName, "billing.db");
            var (code, output) = await BillingProcess.RunToExitAsync(
                ["--urls", "http://127.0.0.1:0", "--sqlite", file, option, value], TimeSpan.FromSeconds(60));

            var line = Assert.Single(output.TrimEnd().Split('\n'));
            Assert.StartsWith($"billing: unknown option {named}; ", line, StringComparison.Ordinal);
            Assert.Contains("--sqlite", line, StringComparison.Ordinal);
            Assert.Contains("--postgres", line, StringComparison.Ordinal);
            Assert.Equal(1, code);
            Assert.False(File.Exists(file), "the database was created");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_prints_the_usage_and_exits_0_creating_nothing(string help)
    {
        var folder = Directory.CreateTempSubdirectory("billing-args-");
        try
        {
            var file = Path.Combine(folder.FullName, "billing.db");
            var (code, output) = await BillingProcess.RunToExitAsync(["--sqlite", file, help], TimeSpan.FromSeconds(60));

            Assert.StartsWith("usage: billing", output, StringComparison.Ordinal);
            Assert.Contains("--postgres", output, StringComparison.Ordinal);
            Assert.Contains("billing seed", output, StringComparison.Ordinal);
            Assert.Contains("--keys-dir", output, StringComparison.Ordinal);
            Assert.Contains("BILLING_SMTP_PASSWORD", output, StringComparison.Ordinal);
            Assert.Equal(0, code);
            Assert.False(File.Exists(file), "the database was created");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Sqlite_and_postgres_together_are_refused()
    {
        var folder = Directory.CreateTempSubdirectory("billing-args-");
        try
        {
            var file = Path.Combine(folder.FullName, "billing.db");
            var (code, output) = await BillingProcess.RunToExitAsync(
                ["--urls", "http://127.0.0.1:0", "--sqlite", file, "--postgres", "Host=127.0.0.1;Port=1;Database=billing"], TimeSpan.FromSeconds(60));

            Assert.Equal(
                "billing: --sqlite and --postgres were both given; pass one: --sqlite PATH for a SQLite file, or --postgres \"CONNECTION STRING\" for PostgreSQL.",
                output.TrimEnd());
            Assert.Equal(1, code);
            Assert.False(File.Exists(file), "the database was created");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_start_names_the_sqlite_file_in_use()
    {
        await using var billing = await BillingProcess.StartAsync();

        var path = ((BillingDatabase.Sqlite)billing.Database).Path;
        Assert.Contains($"Database: SQLite {Path.GetFullPath(path)}", billing.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_start_names_the_postgres_server_and_database_without_the_password()
    {
        await using var postgres = await TestPostgres.CreateDatabaseAsync();
        if (postgres is null)
        {
            return;
        }

        await using var billing = await BillingProcess.StartAsync(postgres.AsBillingDatabase());

        var settings = new Npgsql.NpgsqlConnectionStringBuilder(postgres.ConnectionString);
        Assert.Contains($"Database: PostgreSQL {settings.Host}:{settings.Port}/{postgres.Name}", billing.Output, StringComparison.Ordinal);
        Assert.DoesNotContain($"Password={settings.Password}", billing.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Seed_refuses_an_unknown_option_and_sqlite_with_postgres_and_helps()
    {
        var folder = Directory.CreateTempSubdirectory("billing-args-");
        try
        {
            var file = Path.Combine(folder.FullName, "billing.db");
            string[] account = ["--email", "seed@example.com", "--password", "seed password 1"];

            var (unknown, unknownOutput) = await BillingProcess.RunToExitAsync(["seed", .. account, "--sqlite", file, "--invoice", "5"], TimeSpan.FromSeconds(60));
            Assert.StartsWith("billing seed: unknown option --invoice; ", unknownOutput, StringComparison.Ordinal);
            Assert.Equal(1, unknown);

            var (both, bothOutput) = await BillingProcess.RunToExitAsync(
                ["seed", .. account, "--sqlite", file, "--postgres", "Host=127.0.0.1;Port=1;Database=billing"], TimeSpan.FromSeconds(60));
            Assert.StartsWith("billing seed: --sqlite and --postgres were both given; pass one", bothOutput, StringComparison.Ordinal);
            Assert.Equal(1, both);
            Assert.False(File.Exists(file), "the database was created");

            var (help, helpOutput) = await BillingProcess.RunToExitAsync(["seed", "--help"], TimeSpan.FromSeconds(60));
            Assert.StartsWith("usage: billing seed", helpOutput, StringComparison.Ordinal);
            Assert.Equal(0, help);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
