using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace BillingBooks.Books.Sync.Tests.Support;

/// <summary>
/// The real `books` program on a real pseudo-terminal (util-linux `script`), driven like a person at the
/// keyboard: wait for a prompt to appear, then type the answer. This is how the interactive Synchronization
/// Setup is tested: Spectre's prompts only run when stdout is a terminal.
/// </summary>
public sealed partial class TerminalSession : IDisposable
{
    private static readonly TimeSpan PromptTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _screen = new();
    private readonly Lock _gate = new();
    private readonly Task _reading;
    private int _matchedUpTo;

    private readonly string _ttyFile;

    private TerminalSession(Process process, string ttyFile)
    {
        _process = process;
        _ttyFile = ttyFile;
        _reading = Task.Run(ReadScreenAsync);
    }

    public const string Enter = "\r";
    public const string ArrowDown = "\u001b[B";

    /// <summary>Everything the program has written so far, without colours or cursor movements.</summary>
    public string Screen
    {
        get
        {
            lock (_gate) return AnsiEscape().Replace(_screen.ToString(), string.Empty);
        }
    }

    public static TerminalSession Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "books.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} was not built next to the tests.", dll);
        // The shell notes which terminal the program got, so TypeSecretAsync can see when echo is off.
        var ttyFile = Path.Combine(Path.GetTempPath(), $"books-tty-{Guid.NewGuid():N}");
        var command = $"tty > {Quote(ttyFile)}; exec " + string.Join(' ', new[] { "dotnet", dll }.Concat(args).Select(Quote));
        var start = new ProcessStartInfo("script") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // -q quiet, -f flush every write, -e exit with the child's status, -c the command; the typescript goes nowhere.
        foreach (var arg in new[] { "-qfec", command, "/dev/null" }) start.ArgumentList.Add(arg);
        start.Environment.Remove("BOOKS_FILE");
        start.Environment.Remove("BOOKS_BILLING_PASSWORD");
        start.Environment["BOOKS_SYNC_RETRY_DELAY_MS"] = "20";
        start.Environment["TERM"] = "xterm";
        return new TerminalSession(Process.Start(start)!, ttyFile);
    }

    /// <summary>Waits until <paramref name="text"/> appears after the last thing waited for.</summary>
    public async Task ExpectAsync(string text)
    {
        using var timeout = new CancellationTokenSource(PromptTimeout);
        while (!timeout.IsCancellationRequested)
        {
            var finished = _reading.IsCompleted; // read before looking, so the last output is always seen
            var at = Screen.IndexOf(text, _matchedUpTo, StringComparison.Ordinal);
            if (at >= 0)
            {
                _matchedUpTo = at + text.Length;
                return;
            }
            if (finished) break;
            await Task.Delay(20, CancellationToken.None);
        }
        throw new TimeoutException($"\"{text}\" did not appear on the terminal. The screen so far:\n{Screen}");
    }

    public async Task TypeAsync(string keys)
    {
        await _process.StandardInput.WriteAsync(keys);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>
    /// Types a secret only once the program is reading with echo off. .NET turns echo off just for the time it
    /// waits for a key, so keys typed the moment a prompt appears, before that read begins, are echoed by the
    /// terminal itself (as they would be for a person typing ahead): a race, not the program showing the secret.
    /// </summary>
    public async Task TypeSecretAsync(string keys)
    {
        using var timeout = new CancellationTokenSource(PromptTimeout);
        try
        {
            while (!await EchoIsOffAsync(timeout.Token))
            {
                await Task.Delay(20, timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The program did not start reading with echo off (stty -F on its terminal). The screen so far:\n{Screen}");
        }

        await TypeAsync(keys);
    }

    private async Task<bool> EchoIsOffAsync(CancellationToken cancellation)
    {
        var tty = File.Exists(_ttyFile) ? (await File.ReadAllTextAsync(_ttyFile, cancellation)).Trim() : "";
        if (!tty.StartsWith("/dev/", StringComparison.Ordinal))
        {
            return false;
        }

        var stty = new ProcessStartInfo("stty") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-F", tty, "-a" }) stty.ArgumentList.Add(arg);
        using var process = Process.Start(stty)!;
        var settings = await process.StandardOutput.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        return process.ExitCode == 0 && settings.Split([' ', '\n', ';'], StringSplitOptions.RemoveEmptyEntries).Contains("-echo");
    }

    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(PromptTimeout);
        await _process.WaitForExitAsync(timeout.Token);
        await _reading.WaitAsync(timeout.Token); // the last of the output, so Screen is complete
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        File.Delete(_ttyFile);
    }

    private async Task ReadScreenAsync()
    {
        var buffer = new char[4096];
        int read;
        while ((read = await _process.StandardOutput.ReadAsync(buffer)) > 0)
        {
            lock (_gate) _screen.Append(buffer, 0, read);
        }
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"\u001b(\[[0-9;?]*[A-Za-z]|[=>])")]
    private static partial Regex AnsiEscape();
}
