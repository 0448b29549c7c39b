using System.Runtime.CompilerServices;

namespace BillingBooks.Books.Cli.Tests.Support;

/// <summary>
/// Compares text with tests/Books.Cli.Tests/Golden/NAME.txt exactly. UPDATE_GOLDEN=1 rewrites the file
/// instead (review the diff before committing it).
/// </summary>
public static class Golden
{
    public static void Verify(string name, string actual, [CallerFilePath] string caller = "")
    {
        var folder = Path.Combine(ProjectFolder(caller), "Golden");
        var path = Path.Combine(folder, name + ".txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No golden file {path}; run the tests with UPDATE_GOLDEN=1 to write it, then review it.");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            Assert.Fail($"{name} differs from {path} (UPDATE_GOLDEN=1 rewrites it):\n{FirstDifference(expected, actual)}");
        }
    }

    private static string ProjectFolder(string caller)
    {
        for (var folder = Path.GetDirectoryName(caller); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "Books.Cli.Tests.csproj")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException($"No Books.Cli.Tests.csproj above {caller}.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "(end of file)";
            var right = i < a.Length ? a[i] : "(end of output)";
            if (left != right)
            {
                return $"line {i + 1}\n  expected: {left}\n  actual:   {right}";
            }
        }

        return "(no line differs; line ends or a trailing newline do)";
    }
}
