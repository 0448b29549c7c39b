using System.Diagnostics;

namespace BillingBooks.Books.Cli.Tests.Support;

/// <summary>Runs the built `books` program as a real process: `dotnet books.dll ...`.</summary>
public static class BooksProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static CliRun Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "books.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built next to the tests.");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("BOOKS_FILE");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"books {string.Join(' ', args)} ran over {Limit}.");
        }

        process.WaitForExit();
        return new CliRun(CommandLine.Format(args), process.ExitCode, stdout.Result, stderr.Result);
    }
}
