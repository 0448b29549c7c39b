using System.Diagnostics;

namespace BillingBooks.Books.Sync.Tests.Support;

/// <summary>The built `books` program as a real process (`dotnet books.dll`), for tests that kill it.</summary>
public static class BooksProcess
{
    public static Process Start(string password, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "books.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} was not built next to the tests.", dll);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("BOOKS_FILE");
        start.Environment["BOOKS_BILLING_PASSWORD"] = password;
        start.Environment["BOOKS_SYNC_RETRY_DELAY_MS"] = "20";
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        // Drain the pipes so a chatty run never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
