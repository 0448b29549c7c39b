using System.Diagnostics;

namespace BillingBooks.Books.Cli.Tests.Support;

/// <summary>
/// Runs the real `books` as a user without root's power to ignore file permissions: the test's own user when it is
/// not root, else `nobody` through runuser (root writes any file and folder, so permissions can only be tested as
/// someone else).
/// </summary>
public static class AnotherUser
{
    private static readonly string? RunUser = new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser" }.FirstOrDefault(File.Exists);

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>
    /// The built program copied where `nobody` can read it: the clone may sit in a folder only root can enter
    /// (/root on a CI machine), and then nobody could not even start it.
    /// </summary>
    private static readonly Lazy<string> ReadableCopy = new(() =>
    {
        if (OperatingSystem.IsWindows())
        {
            return AppContext.BaseDirectory;
        }

        var copy = Directory.CreateTempSubdirectory("bb-books-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(copy, recursive: true);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(AppContext.BaseDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var folder in Directory.EnumerateDirectories(copy, "*", SearchOption.AllDirectories).Append(copy))
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }

        foreach (var file in Directory.EnumerateFiles(copy, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);
        }

        return copy;
    });

    /// <summary>Why the permissions cannot be tested here, or null when they can.</summary>
    public static string? Missing =>
        OperatingSystem.IsWindows() ? "Unix file permissions only"
        : IsRoot && RunUser is null ? "run as root without runuser: permissions cannot be tested"
        : null;

    public static CliRun Run(params string[] args)
    {
        Assert.True(Missing is null, $"File permissions cannot be tested: {Missing}. CI must be able to (install util-linux for runuser).");
        if (!IsRoot)
        {
            return BooksProcess.Run(new Dictionary<string, string>(), args);
        }

        var dll = Path.Combine(ReadableCopy.Value, "books.dll");
        var start = new ProcessStartInfo(RunUser!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-u", "nobody", "--", "dotnet", dll }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("BOOKS_FILE");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), $"books {string.Join(' ', args)} ran over a minute.");
        process.WaitForExit();
        return new CliRun(CommandLine.Format(args), process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>
/// A test of file permissions: skipped, saying why, where they cannot be tested (see <see cref="AnotherUser"/>),
/// except in CI, where it runs and fails instead.
/// </summary>
public sealed class PermissionsFactAttribute : FactAttribute
{
    public PermissionsFactAttribute() => Skip = Tool.InCi ? null : AnotherUser.Missing;
}
