using System.Diagnostics;
using System.Globalization;
using BillingBooks.Books.Cli.Tests.Support;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>The hledger export read by the real hledger: its balances are the trial balance's.</summary>
public sealed class HledgerTests : IDisposable
{
    private readonly BooksRunner _books = new();

    [Fact]
    public void Hledger_reads_the_export_and_its_balances_equal_the_trial_balance()
    {
        if (!Tool.Exists("hledger"))
        {
            Assert.False(Tool.InCi, "hledger is required in CI (apt-get install hledger).");
            return;
        }

        Walkthrough.SetUp(_books);
        var journal = _books.PathOf("acme.journal");
        Assert.Equal($"Wrote the journal to {journal}.\n", _books.Ok("export", "hledger", "--output", journal).Stdout);
        Assert.Equal(_books.Ok("export", "hledger").Stdout, File.ReadAllText(journal));

        var balances = Hledger("-f", journal, "balance", "--flat", "--no-total", "-O", "csv", "-e", "2026-04-01");
        var trial = _books.Ok("report", "trial-balance", "--format", "csv").Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).SkipLast(1);
        var expected = trial.Select(line => line.Split(','))
            .Select(cells => (Number: cells[0], Amount: decimal.Parse(cells[2], CultureInfo.InvariantCulture) - decimal.Parse(cells[3], CultureInfo.InvariantCulture)))
            .Where(row => row.Amount != 0m)
            .ToDictionary(row => row.Number, row => row.Amount);
        var actual = balances.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Trim().Trim('"').Split("\",\""))
            .Select(parts => (Number: parts[0].Split(':')[1][..4], Amount: decimal.Parse(parts[1].Replace("CAD", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture)))
            .Where(row => row.Amount != 0m)
            .ToDictionary(row => row.Number, row => row.Amount);
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(a => a.Key));
    }

    public void Dispose() => _books.Dispose();

    private static string Hledger(params string[] args)
    {
        var start = new ProcessStartInfo("hledger") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["LANG"] = "C.UTF-8";
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "hledger ran over a minute");
        Assert.True(process.ExitCode == 0, error.Result);
        return output.Result;
    }
}
