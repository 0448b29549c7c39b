using System.Diagnostics;
using BillingBooks.Billing.Testing;
using BillingBooks.Books.Sync.Tests.Support;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>The README's first command, `scripts/demo`, as a new user runs it (on what the test run built).</summary>
public sealed class DemoScriptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bb-demo-").FullName;
    private readonly int _port = FreePort.Next();

    [Fact]
    public async Task The_demo_seeds_Billing_makes_a_company_syncs_it_cleanly_and_leaves_Billing_running_until_stopped()
    {
        var (exit, output) = await RunAsync();

        Assert.True(exit == 0, output);
        Assert.Contains("No open conflicts.", output, StringComparison.Ordinal);
        Assert.Contains("Reconciliation: Books agrees with Billing", output, StringComparison.Ordinal);
        Assert.Contains($"BillingBooks demo is running.\n  Billing (web app and API):  http://127.0.0.1:{_port}", output, StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.True((await http.GetAsync(new Uri($"http://127.0.0.1:{_port}/health"))).IsSuccessStatusCode);

        // A second run finds its data and restarts Billing; the sync imports nothing new.
        var (again, second) = await RunAsync();
        Assert.True(again == 0, second);
        Assert.DoesNotContain("Seeding", second, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("stop")).Exit);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://127.0.0.1:{_port}/health")));
    }

    [Fact]
    public async Task The_demo_refuses_a_port_another_server_answers_on()
    {
        using var other = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, _port);
        other.Start();

        var (exit, output) = await RunAsync();

        Assert.Equal(1, exit);
        Assert.Contains($"Port {_port} is already in use", output, StringComparison.Ordinal);
        Assert.DoesNotContain("demo is running", output, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var root = BillingProcess.FindRepositoryRoot();
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        start.ArgumentList.Add(Path.Combine(root, "scripts", "demo"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["BILLING_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DEMO_DIR"] = _folder;
        start.Environment["DEMO_NO_BUILD"] = "1";
        start.Environment["DEMO_INVOICES"] = "60";
        start.Environment["DEMO_PAYMENTS"] = "40";
        start.Environment.Remove("BOOKS_FILE");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        // Stop a Billing a failed assertion left running, then remove the demo's data.
        var pidfile = Path.Combine(_folder, "billing.pid");
        if (File.Exists(pidfile) && int.TryParse(File.ReadAllText(pidfile).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            try
            {
                using var billing = Process.GetProcessById(pid);
                billing.Kill(entireProcessTree: true);
                billing.WaitForExit();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        Directory.Delete(_folder, recursive: true);
    }
}
