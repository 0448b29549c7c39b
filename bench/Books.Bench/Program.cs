using System.Diagnostics;
using System.Globalization;
using BillingBooks.Books;
using BillingBooks.Books.Accounts;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Reports;
using BillingBooks.Books.Settings;
using BillingBooks.Books.Storage;
using BillingBooks.Money;

// Books benchmarks (docs/benchmarks.md, "## Books"):
//   1. posting throughput: general journal entries per second into a fresh company file, one transaction;
//   2. trial balance over the posted data (default 2,500,000 two-line entries = 5,000,000 postings), warm;
//   3. the same data exported and balanced by `hledger bal` and `ledger bal`, every account compared to the cent.
// Usage: dotnet run -c Release --project bench/Books.Bench -- [entries] [--no-tools] [--no-hledger]
// (hledger 1.25 needs about 3 KiB of memory per posting: keep it for runs up to about a million postings.)
var entries = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 2_500_000;
var runTools = !args.Contains("--no-tools");
var runHledger = runTools && !args.Contains("--no-hledger");
var directory = Directory.CreateTempSubdirectory("books-bench-").FullName;
try
{
    Bench.Run(directory, entries, runTools, runHledger);
}
finally
{
    Directory.Delete(directory, recursive: true);
}

internal static class Bench
{
    private static readonly int[] Accounts = [1060, 1065, 1080, 1320, 1820, 2100, 2315, 2700, 3010, 3015, 4020, 4100, 4200, 5010, 5020, 5100, 5200, 5300, 5400, 5500, 5600];

    public static void Run(string directory, int entries, bool runTools, bool runHledger)
    {
        var path = Path.Combine(directory, "bench.books");
        var start = new DateOnly(DateTime.UtcNow.Year, 1, 1);
        using var company = CompanyFile.Create(path, new NewCompany("Bench Inc.", Currency.CAD, start)).Value;
        Console.WriteLine($"Books bench: {entries:N0} general entries (2 lines each) = {2L * entries:N0} postings; {Environment.ProcessorCount} CPUs; .NET {Environment.Version}");

        // Warm the posting path on a throwaway file so JIT does not count against throughput.
        Post(CompanyFile.Create(Path.Combine(directory, "warm.books"), new NewCompany("Warm")).Value, 20_000, start, dispose: true);

        // Wall time and this process's CPU time: on a shared machine the CPU figure is the steadier one.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        Post(company, entries, start, dispose: false);
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"posting: {entries / watch.Elapsed.TotalSeconds:N0} entries/s wall, {entries / cpu.TotalSeconds:N0} entries/CPU-s ({watch.Elapsed.TotalSeconds:N2} s incl. commit; file {new FileInfo(path).Length / 1_048_576.0:N0} MiB + WAL)");

        var yearEnd = start.AddYears(1).AddDays(-1);
        var trial = company.Read(r => r.Reports.TrialBalance(yearEnd));
        var times = new List<double>();
        for (var i = 0; i < 11; i++)
        {
            watch.Restart();
            trial = company.Read(r => r.Reports.TrialBalance(yearEnd));
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"trial balance (account_day totals), warm median of 11: {times[5]:N2} ms; {trial.Rows.Count} accounts; debits {trial.TotalDebit} = credits {trial.TotalCredit}: {trial.TotalDebit == trial.TotalCredit}");

        // For comparison, the same trial balance summed from every posting (what the per-day totals save).
        watch.Restart();
        var naive = company.Read(r => r.Query<(long Account, long Amount)>("SELECT account, SUM(amount) FROM posting GROUP BY account").ToDictionary(x => x.Account, x => x.Amount));
        Console.WriteLine($"trial balance summed over all postings (no per-day totals): {watch.Elapsed.TotalMilliseconds:N0} ms; agrees: {trial.Rows.All(row => naive[row.Number.Value] == (row.Debit - row.Credit).MinorUnits)}");

        var failures = 0;
        watch.Restart();
        var checks = company.Read(r => r.Checks.Run());
        failures += checks.Count;
        Console.WriteLine($"integrity checks: {watch.Elapsed.TotalSeconds:N2} s, {checks.Count} failures");

        var journal = Path.Combine(directory, "bench.journal");
        watch.Restart();
        using (var writer = new StreamWriter(journal))
        {
            company.Read(r => { r.Hledger.Write(writer); return 0; });
        }

        Console.WriteLine($"hledger export: {watch.Elapsed.TotalSeconds:N2} s, {new FileInfo(journal).Length / 1_048_576.0:N0} MiB");
        if (!runTools)
        {
            return;
        }

        var accounts = company.Read(r => r.Accounts.List()).ToDictionary(a => a.Number);
        var expected = trial.Rows.ToDictionary(row => HledgerExport.Name(accounts[row.Number]), row => (row.Debit - row.Credit).Amount);
        failures += !runHledger ? 0 : Tool("hledger", expected, times[5], ["-f", journal, "bal", "--flat", "-N", "-O", "csv"], output => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split("\",\"")).ToDictionary(c => c[0].Trim('"'), c => Amount(c[1].Trim('"', '\r'))));
        failures += Tool("ledger", expected, times[5], ["-f", journal, "bal", "--flat", "--no-total", "--balance-format", "%(account)|%(display_total)\n"], output => output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|')).ToDictionary(c => c[0], c => Amount(c[1])));
        Console.WriteLine(failures == 0 ? "all agree to the cent" : $"{failures} DISAGREEMENTS");
    }

    private static void Post(CompanyFile company, int entries, DateOnly start, bool dispose)
    {
        var random = new Random(42);
        var result = company.Write(w =>
        {
            for (var i = 0; i < entries; i++)
            {
                var debit = Accounts[random.Next(Accounts.Length)];
                var credit = Accounts[(Array.IndexOf(Accounts, debit) + 1 + random.Next(Accounts.Length - 1)) % Accounts.Length];
                var amount = Money.FromMinorUnits(random.Next(1, 10_000_000), Currency.CAD);
                var posted = w.General.Post(new GeneralEntryDraft(start.AddDays(i % 365), "Entry", [GeneralLine.Debit(new AccountNumber(debit), amount), GeneralLine.Credit(new AccountNumber(credit), amount)]));
                if (!posted.IsOk)
                {
                    return posted;
                }
            }

            return Result<EntryId>.Ok(default);
        });
        if (!result.IsOk)
        {
            throw new InvalidOperationException(result.Error.Message);
        }

        if (dispose)
        {
            company.Dispose();
        }
    }

    private static int Tool(string name, Dictionary<string, decimal> expected, double booksMs, string[] arguments, Func<string, Dictionary<string, decimal>> parse)
    {
        var start = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LANG"] = "C.UTF-8";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"{name} failed: {error.Result}");
            return 1;
        }

        var balances = parse(output.Result);
        var wrong = expected.Count(e => balances.GetValueOrDefault(e.Key) != e.Value) + balances.Keys.Count(k => !expected.ContainsKey(k));
        Console.WriteLine($"{name} bal: {watch.Elapsed.TotalMilliseconds:N0} ms ({watch.Elapsed.TotalMilliseconds / booksMs:N0}x the Books trial balance); {balances.Count} accounts; {(wrong == 0 ? "agrees to the cent" : $"{wrong} accounts differ")}");
        return wrong;
    }

    private static decimal Amount(string text) =>
        decimal.Parse(text.Replace("CAD", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);
}
