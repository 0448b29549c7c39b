using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace BillingBooks.Books.Cli.Tests.Support;

/// <summary>
/// Runs `books` in-process against real company files in a temp folder, with a fixed clock (2026-03-31 12:00
/// UTC, a minute later after each run) and an environment of its own, and keeps a transcript of every run for golden comparison.
/// </summary>
public sealed class BooksRunner : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);

    private readonly List<CliRun> _runs = [];

    public BooksRunner()
    {
        Folder = Path.Combine(Path.GetTempPath(), "books-cli-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public FakeTimeProvider Clock { get; } = new(Now);

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<CliRun> Runs => _runs;

    public string PathOf(string name) => Path.Combine(Folder, name);

    public CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var exit = BooksApp.Run(args, stdout, stderr, Environment, Clock);

        // A minute between commands, as if typed: the audit trail shows its order in time.
        Clock.Advance(TimeSpan.FromMinutes(1));
        var run = new CliRun(CommandLine.Format(args), exit, stdout.ToString(), stderr.ToString());
        _runs.Add(run);
        return run;
    }

    /// <summary>Runs and fails the test, showing the output, unless the exit code is <paramref name="exit"/>.</summary>
    public CliRun Expect(int exit, params string[] args)
    {
        var run = Run(args);
        Assert.True(run.ExitCode == exit, $"{run.CommandLine} exited {run.ExitCode}, expected {exit}\n{run.Stdout}\n{run.Stderr}");
        return run;
    }

    public CliRun Ok(params string[] args) => Expect(0, args);

    /// <summary>Forgets the runs so far (the set-up), so the transcript shows what a test is about.</summary>
    public void ClearTranscript() => _runs.Clear();

    /// <summary>Runs expecting a refusal: exit 1, nothing on stdout, one "error: " line on stderr.</summary>
    public CliRun Refused(params string[] args)
    {
        var run = Expect(1, args);
        Assert.True(run.Stdout.Length == 0, $"{run.CommandLine} printed to stdout while refusing:\n{run.Stdout}");
        Assert.Matches("^error: [^\n]+\n$", run.Stderr);
        return run;
    }

    /// <summary>A fingerprint of every file in the temp folder: refusals must leave it the same.</summary>
    public string Fingerprint() => string.Join('\n', Directory.GetFiles(Folder).Order(StringComparer.Ordinal).Select(f =>
        $"{Path.GetFileName(f)} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}"));

    /// <summary>Every run so far, with this runner's temp folder written as $TMP.</summary>
    public string Transcript() => Transcripts.Render(_runs).Replace(Folder, "$TMP", StringComparison.Ordinal);

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
