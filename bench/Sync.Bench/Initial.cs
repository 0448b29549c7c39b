using System.Diagnostics;
using System.Globalization;
using BillingBooks.Billing.Testing;

namespace BillingBooks.Sync.Bench;

/// <summary>Initial sync of a seeded account by the real `books` process: wall time and peak RSS.</summary>
internal static class Initial
{
    public static async Task RunAsync(string work, int invoices, int payments)
    {
        var database = new BillingDatabase.Sqlite(Path.Combine(work, "billing.db"));
        const string email = "bench@example.test";
        const string password = "correct horse battery";
        var seedClock = Stopwatch.StartNew();
        var (exit, output) = await BillingProcess.SeedAsync(database, "--email", email, "--password", password, "--customers", "1000",
            "--invoices", Text(invoices), "--payments", Text(payments));
        if (exit != 0) throw new InvalidOperationException("billing seed failed: " + output);
        Console.WriteLine($"seeded {invoices:N0} invoices and {payments:N0} payments in {seedClock.Elapsed.TotalSeconds:F1} s");

        await using var billing = await BillingProcess.StartAsync(database);
        var file = Path.Combine(work, "bench.books");
        BenchCompany.Create(file);
        await FeedProbe.ReadAllAsync(billing.BaseAddress, email, password, 2000);

        var (seconds, peakMb, cpu, stdout) = Measure(password, "--file", file, "sync", "--server", billing.BaseAddress.ToString(), "--email", email,
            "--track-payments", "1060", "--format", "json", "--page-size", "2000");
        Console.WriteLine($"initial sync: {seconds:F1} s wall, {cpu:F1} s CPU (books), peak RSS {peakMb:F0} MB");
        Console.WriteLine(stdout.Length > 600 ? stdout[..600] : stdout);
    }

    /// <summary>Runs `dotnet books.dll ARGS`, sampling VmHWM (peak resident set) and CPU time until it exits.</summary>
    private static (double Seconds, double PeakMb, double CpuSeconds, string Stdout) Measure(string password, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "books.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["BOOKS_BILLING_PASSWORD"] = password;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peakKb = 0;
        double cpu = 0;
        while (!process.WaitForExit(50))
        {
            peakKb = Math.Max(peakKb, PeakKb(process.Id));
            cpu = Math.Max(cpu, CpuSeconds(process.Id));
        }
        clock.Stop();
        if (process.ExitCode is not (0 or 2)) throw new InvalidOperationException($"books sync exit {process.ExitCode}: {stderr.Result}");
        return (clock.Elapsed.TotalSeconds, peakKb / 1024.0, cpu, stdout.Result);
    }

    private static long PeakKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // exited between the check and the read
        }
    }

    /// <summary>User + system CPU seconds of a process so far (/proc/PID/stat fields 14 and 15, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0; // exited between the check and the read
        }
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
