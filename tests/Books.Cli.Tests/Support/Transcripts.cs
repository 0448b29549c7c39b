using System.Globalization;
using System.Text;

namespace BillingBooks.Books.Cli.Tests.Support;

/// <summary>
/// The golden form of runs: the command line, its stdout, its stderr (after [stderr]) and [exit N].
/// </summary>
public static class Transcripts
{
    public static string Render(IEnumerable<CliRun> runs)
    {
        var text = new StringBuilder();
        foreach (var run in runs)
        {
            text.Append("$ ").Append(run.CommandLine).Append('\n');
            text.Append(Lines(run.Stdout));
            if (run.Stderr.Length > 0)
            {
                text.Append("[stderr]\n").Append(Lines(run.Stderr));
            }

            text.Append(CultureInfo.InvariantCulture, $"[exit {run.ExitCode}]\n\n");
        }

        return text.ToString();
    }

    private static string Lines(string output)
    {
        var normalized = output.Replace("\r\n", "\n", StringComparison.Ordinal);
        return normalized.Length == 0 || normalized.EndsWith('\n') ? normalized : normalized + "\n[no newline at end]\n";
    }
}
