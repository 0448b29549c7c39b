using System.Diagnostics;
using System.Globalization;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BillingBooks.Billing.Seeding;

/// <summary>
/// <c>billing seed --email E --password P [--customers N] [--invoices N] [--payments N] [--random-seed S]
/// [--sqlite PATH | --postgres CS]</c>: creates (or fills) an account with realistic, deterministic data.
/// Exit code 0, or 1 with a message saying what to fix.
/// </summary>
public static class SeedCommand
{
    public const string Usage =
        "usage: billing seed --email E --password P [--customers N] [--invoices N] [--payments N] [--random-seed S] [--history-days N] [--sqlite PATH | --postgres CS]";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var options = SeedOptions.Parse(args, out var error);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"billing seed: {error}\n{Usage}").ConfigureAwait(false);
            return 1;
        }

        var errors = new List<Web.CommandLineError>();
        if (StorageOptions.OpenAndMigrate(options.SqlitePath, options.Postgres, errors) is not { } db)
        {
            await Console.Error.WriteLineAsync($"billing seed: {errors[0].Message}").ConfigureAwait(false);
            return Web.CommandLineError.ExitCode;
        }

        await using (db.ConfigureAwait(false))
        {
            var hasher = new PasswordHasher<AccountRow>(Options.Create(new PasswordHasherOptions { IterationCount = options.PasswordHashIterations }));
            var clock = Stopwatch.StartNew();
            var result = await new Seeder(db, options, hasher, TimeProvider.System).RunAsync().ConfigureAwait(false);
            if (result.Error is not null)
            {
                await Console.Error.WriteLineAsync($"billing seed: {result.Error}").ConfigureAwait(false);
                return 1;
            }

            var r = result.Counts!;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"seeded account {r.AccountId} ({options.Email}): {r.Customers} customers, {r.Invoices} invoices, {r.Payments} payments, {r.FeedRows} feed rows in {clock.Elapsed.TotalSeconds:F1} s, on {db.Description}"));
            return 0;
        }
    }
}

public sealed record SeedOptions(
    string Email,
    string Password,
    int Customers,
    int Invoices,
    int Payments,
    int RandomSeed,
    int HistoryDays,
    string? SqlitePath,
    string? Postgres,
    int PasswordHashIterations)
{
    private static readonly string[] Known = ["email", "password", "customers", "invoices", "payments", "random-seed", "history-days", "sqlite", "postgres"];

    public static SeedOptions? Parse(string[] args, out string error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                values[arg[2..eq]] = arg[(eq + 1)..];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[arg[2..]] = args[++i];
            }
            else
            {
                error = $"'{arg}' is not understood";
                return null;
            }
        }

        // A mistyped option silently left at its default (or --postgre: seeding a local SQLite file) is refused.
        if (values.Keys.FirstOrDefault(k => !Known.Contains(k) && !Web.CommandLine.IsSetting(k)) is { } unknown)
        {
            error = Web.CommandLine.Unknown("--" + unknown, Known);
            return null;
        }

        if (Web.CommandLine.ConflictingDatabases(values.Keys.ToHashSet()) is { } conflict)
        {
            error = conflict;
            return null;
        }

        string? Get(string key) => values.GetValueOrDefault(key);
        int Number(string key, int fallback, ref string problem)
        {
            var text = Get(key);
            if (text is null)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            problem = $"--{key} wants a whole number 0 or more, not '{text}'";
            return fallback;
        }

        error = "";
        var email = Get("email");
        var password = Get("password");
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            error = "--email is required (the account's login, e.g. demo@example.com)";
            return null;
        }

        if (password is null || password.Length is < PasswordRules.MinLength or > PasswordRules.MaxLength)
        {
            // The API's rule (sign-up): a seeded account's password must be one it could have signed up with.
            error = $"--password of {PasswordRules.MinLength} to {PasswordRules.MaxLength} characters is required";
            return null;
        }

        var options = new SeedOptions(
            email.Trim(),
            password,
            Number("customers", 50, ref error),
            Number("invoices", 200, ref error),
            Number("payments", 100, ref error),
            Number("random-seed", 1, ref error),
            Number("history-days", 730, ref error),
            Get("sqlite"),
            Get("postgres"),
            Number("Billing:PasswordHashIterations", 100_000, ref error));
        if (error.Length > 0)
        {
            return null;
        }

        if (options.HistoryDays < 1)
        {
            error = "--history-days wants a whole number of days, 1 or more (invoices are dated within that many days before today)";
            return null;
        }

        if (options.Customers == 0 && options.Invoices > 0)
        {
            error = "invoices need customers: pass --customers 1 or more";
            return null;
        }

        return options;
    }
}
