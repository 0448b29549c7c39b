using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BillingBooks.Books.Sync.Client;
using BillingBooks.Books.Sync.Tests.Support;
using Xunit.Abstractions;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// Ctrl-C (SIGINT) on the real `books sync` process: it stops promptly with exit 130 and says what was kept;
/// each page is imported whole with its cursor or not at all, so the next sync completes exactly once.
/// </summary>
public class InterruptTests(BillingFixture fixture, ITestOutputHelper output) : IClassFixture<BillingFixture>
{
    private const int Interrupted = 130;

    [Fact]
    public async Task Interrupt_stops_a_sync_waiting_on_a_server_that_never_answers_within_seconds_and_changes_nothing()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts connections (the kernel does), never answers
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var books = new BooksCompany();
        // Left alone, the run would give up on the silent server only after the client's attempt timeout, with exit 1
        // (no answer in time): exiting with 130 before that, it is the interrupt that stopped it, not a timeout.
        var hangGuard = TimeSpan.FromSeconds(10);
        Assert.True(hangGuard < new SyncClientOptions().AttemptTimeout, "the hang guard must end before the client would give up by itself");
        using var sync = Running.Start("pw", "--file", books.Path, "sync", "--server", $"http://127.0.0.1:{port}/", "--email", "owner@example.com", "--track-payments", "1060");
        // Interrupted once it waits on the server (connected, no answer), not after a guessed delay: a SIGINT before the
        // sync starts ends the process as any command's would, with nothing to say (on a busy machine, 2 s was not enough).
        var starting = Stopwatch.StartNew();
        while (!silent.Pending() && !sync.Process.HasExited && starting.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50);
        Assert.True(silent.Pending(), "the sync never connected to the server: " + sync);
        Assert.False(sync.Process.HasExited, sync.ToString());

        await sync.InterruptAsync();
        var exited = await sync.WaitAsync(hangGuard);

        output.WriteLine(sync.ToString());
        Assert.True(exited, $"still running {hangGuard.TotalSeconds} s after SIGINT");
        Assert.True(sync.Process.ExitCode == Interrupted, sync.ToString());
        Assert.Contains("cancelled", sync.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", sync.Stderr, StringComparison.Ordinal);
        Assert.Null(books.Read(r => new Storage.SyncStore(r.Connection, r.Transaction).Settings().Email));
    }

    [Fact]
    public async Task Interrupt_during_a_sync_keeps_whole_pages_and_the_next_sync_completes_exactly_once()
    {
        using var billing = await BillingAccount.SignUpAsync(fixture.Server);
        await History.InvoicesAsync(billing, 60);
        using var proxy = new FaultProxy(fixture.Server, faultRate: 0, seed: 1, stall: TimeSpan.Zero) { Healthy = true, Delay = TimeSpan.FromMilliseconds(150) };
        using var books = new BooksCompany();
        using var sync = Running.Start(billing.Password, "--file", books.Path, "sync", "--server", proxy.Address.ToString(), "--email", billing.Email, "--track-payments", "1060", "--page-size", "3");
        var deadline = Stopwatch.StartNew();
        while (AfterInterruption.Imported(books) == 0 && !sync.Process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50);
        Assert.False(sync.Process.HasExited, "the sync ended before it could be interrupted: " + sync);

        await sync.InterruptAsync();
        Assert.True(await sync.WaitAsync(TimeSpan.FromSeconds(10)), "still running 10 s after SIGINT");
        output.WriteLine(sync.ToString());

        Assert.True(sync.Process.ExitCode == Interrupted, sync.ToString());
        Assert.Contains("cancelled", sync.Stderr, StringComparison.Ordinal);
        Assert.Contains("sync again", sync.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Synchronized", sync.Stdout, StringComparison.Ordinal);
        AfterInterruption.AssertTheNextSyncEndsAsOneSyncWould(books, fixture.Server, billing);
    }


    /// <summary>`dotnet books.dll ARGS` with its output kept, interrupted the way a terminal's Ctrl-C does.</summary>
    private sealed class Running : IDisposable
    {
        private readonly StringBuilder _stdout = new();
        private readonly StringBuilder _stderr = new();

        private Running(Process process) => Process = process;

        public Process Process { get; }

        public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }

        public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

        public static Running Start(string password, params string[] args)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "books.dll");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
            start.ArgumentList.Add(dll);
            foreach (var arg in args) start.ArgumentList.Add(arg);
            start.Environment.Remove("BOOKS_FILE");
            start.Environment["BOOKS_BILLING_PASSWORD"] = password;
            var running = new Running(Process.Start(start)!);
            running.Process.StandardInput.Close();
            running.Process.OutputDataReceived += (_, e) => { lock (running._stdout) running._stdout.AppendLine(e.Data); };
            running.Process.ErrorDataReceived += (_, e) => { lock (running._stderr) running._stderr.AppendLine(e.Data); };
            running.Process.BeginOutputReadLine();
            running.Process.BeginErrorReadLine();
            return running;
        }

        public async Task InterruptAsync()
        {
            using var kill = Process.Start("kill", ["-INT", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
            await kill.WaitForExitAsync();
        }

        public async Task<bool> WaitAsync(TimeSpan limit)
        {
            using var timeout = new CancellationTokenSource(limit);
            try
            {
                await Process.WaitForExitAsync(timeout.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public override string ToString() => $"exit {(Process.HasExited ? Process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "(running)")}\n{Stdout}\n[stderr]\n{Stderr}";

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }
    }
}
