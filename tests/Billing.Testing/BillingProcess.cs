using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace BillingBooks.Billing.Testing;

/// <summary>
/// Runs the real built Billing service (src/Billing/bin/CONFIG/net10.0/billing.dll) with <c>dotnet</c> on a loopback
/// port the system picks, waits until GET /health answers, and kills it on dispose (a temporary SQLite file is
/// deleted with it). Usage:
/// <code>
/// await using var billing = await BillingProcess.StartAsync();                 // fresh SQLite file
/// await using var billing = await BillingProcess.StartAsync(pg.AsBillingDatabase());
/// var client = billing.Client;                                                 // BaseAddress set
/// </code>
/// By default the process runs with <see cref="TestSettings"/> (fast password hashing, no sign-in rate limit);
/// pass <c>testSettings: false</c> to get production settings. With <c>clock: START</c> its business time holds
/// still at START until the test moves it (<see cref="Clock"/>, a <see cref="ProcessClock"/>). Unless the
/// arguments name <c>--smtp</c> or <c>--mail-dir</c>, its mail goes to its own <see cref="MailFolder"/> (read it
/// with <see cref="Mailbox"/>).
/// </summary>
public sealed partial class BillingProcess : IAsyncDisposable
{
    /// <summary>Settings that keep tests fast: cheap password hashes and no sign-in rate limit.</summary>
    public static readonly IReadOnlyList<string> TestSettings =
        ["--Billing:PasswordHashIterations", "1000", "--Billing:AuthRequestsPerMinute", "1000000"];

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string? _tempDirectory;

    private readonly ProcessClock? _clock;

    private BillingProcess(Process process, StringBuilder output, BillingDatabase database, string? tempDirectory, string? mailFolder, DateTimeOffset? clock)
    {
        _process = process;
        _output = output;
        _tempDirectory = tempDirectory;
        MailFolder = mailFolder;
        Database = database;
        Client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        _clock = clock is { } start ? new ProcessClock(Client, start) : null;
    }

    /// <summary>Where the service listens (the port the system gave it).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The operating system's id of the process (e.g. to read its CPU time in a benchmark).</summary>
    public int ProcessId => _process.Id;

    public BillingDatabase Database { get; }

    /// <summary>Where the process writes its mail as .eml files; null when the arguments chose --smtp or --mail-dir.</summary>
    public string? MailFolder { get; }

    /// <summary>A client with <see cref="BaseAddress"/>; add your own Authorization header per request.</summary>
    public HttpClient Client { get; }

    /// <summary>The process's clock, to read and move; only when started with one (the <c>clock</c> argument of <see cref="StartAsync"/>).</summary>
    public ProcessClock Clock => _clock ?? throw new InvalidOperationException("This process runs on the system's clock: start it with StartAsync(clock: ...) to move time.");

    /// <summary>What the process printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts Billing on <paramref name="database"/>, or on a new temporary SQLite file when null; with
    /// <paramref name="clock"/>, on a test clock that holds still there until the test moves it (<see cref="Clock"/>);
    /// <paramref name="environment"/> adds to (or replaces) the variables it inherits, e.g. HOME or BILLING_SMTP_PASSWORD.
    /// </summary>
    public static async Task<BillingProcess> StartAsync(
        BillingDatabase? database = null, IEnumerable<string>? extraArguments = null, bool testSettings = true, DateTimeOffset? clock = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        string? temp = null;
        if (database is null)
        {
            temp = Directory.CreateTempSubdirectory("billing-test-").FullName;
            database = new BillingDatabase.Sqlite(Path.Combine(temp, "billing.db"));
        }

        // Port 0: the service binds a port the system picks and says which. (Picking a free port here and passing it
        // raced with every other process on the machine: one took it in between, and the health probe then spoke
        // HTTP to that process - once, the test runner's own socket, which aborted a whole test run.)
        var arguments = new List<string> { FindDll(), "--urls", "http://127.0.0.1:0" };
        arguments.AddRange(database.Arguments);
        if (testSettings)
        {
            arguments.AddRange(TestSettings);
        }

        if (clock is { } start)
        {
            arguments.AddRange(ProcessClock.Arguments(start));
        }

        var extra = (extraArguments ?? []).ToList();
        arguments.AddRange(extra);
        string? mail = null;
        if (!extra.Contains("--smtp") && !extra.Contains("--mail-dir"))
        {
            mail = Directory.CreateTempSubdirectory("billing-mail-").FullName;
            arguments.AddRange(["--mail-dir", mail]);
        }

        var (process, output) = Launch(arguments, Path.GetDirectoryName(FindDll())!, environment);
        var billing = new BillingProcess(process, output, database, temp, mail, clock);
        try
        {
            await billing.WaitUntilListeningAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
            await billing.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        }
        catch
        {
            await billing.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return billing;
    }

    /// <summary>Runs <c>billing seed ARGS</c> on <paramref name="database"/> and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> SeedAsync(BillingDatabase database, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(database);
        return RunToExitAsync(["seed", .. arguments, .. database.Arguments, .. TestSettings], TimeSpan.FromMinutes(5));
    }

    /// <summary>
    /// Runs <c>billing ARGS</c> until it exits by itself (a command, or a start it refuses) and returns its exit code and
    /// everything it printed; one still running after <paramref name="limit"/> is killed and is a <see cref="TimeoutException"/>.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IEnumerable<string> arguments, TimeSpan limit)
    {
        var (process, output) = Launch([FindDll(), .. arguments], Path.GetDirectoryName(FindDll())!);
        using (process)
        {
            using var timeout = new CancellationTokenSource(limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
                throw new TimeoutException($"billing was still running after {limit}:\n{Text(output)}");
            }

            return (process.ExitCode, Text(output));
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>src/Billing/bin/CONFIG/net10.0/billing.dll under the repository root (the folder of BillingBooks.slnx).</summary>
    public static string FindDll()
    {
        {
            var configuration = typeof(BillingProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var path = Path.Combine(FindRepositoryRoot(), "src", "Billing", "bin", configuration, "net10.0", "billing.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build src/Billing ({configuration}) first: {path} is missing.", path);
        }
    }

    public static string FindRepositoryRoot()
    {
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BillingBooks.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException($"No BillingBooks.slnx above {AppContext.BaseDirectory}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill: nothing left to stop.
        }

        _process.Dispose();
        if (_tempDirectory is not null)
        {
            Directory.Delete(_tempDirectory, recursive: true);
        }

        if (MailFolder is not null)
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }

    private static (Process Process, StringBuilder Output) Launch(
        IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>Reads the address from the service's "Now listening on: URL" line (Microsoft.Hosting.Lifetime).</summary>
    private async Task WaitUntilListeningAsync(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (ListeningOn().Match(Output) is { Success: true } found)
            {
                BaseAddress = new Uri(found.Groups["url"].Value + "/");
                Client.BaseAddress = BaseAddress;
                return;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"billing exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException($"billing did not say where it listens within {limit}:\n{Output}");
    }

    private async Task WaitUntilHealthyAsync(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"billing exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("health", UriKind.Relative)).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new TimeoutException($"billing did not answer GET /health within {limit}:\n{Output}");
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
