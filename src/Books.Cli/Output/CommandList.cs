using System.Globalization;
using System.Text;

namespace BillingBooks.Books.Cli.Output;

/// <summary>
/// A command's help lists its subcommands with their whole descriptions (examples included); a list reads
/// better with one sentence each. Rewrites the "Commands:" section of System.CommandLine's help to that.
/// </summary>
internal static class CommandList
{
    public static string Shorten(string help)
    {
        var lines = help.ReplaceLineEndings("\n").Split('\n');
        var start = Array.IndexOf(lines, "Commands:");
        if (start < 0)
        {
            return help;
        }

        var entries = new List<(string Name, StringBuilder Text)>();
        var end = start + 1;
        for (; end < lines.Length; end++)
        {
            var line = lines[end];
            if (line.Length > 2 && line[0] == ' ' && line[1] == ' ' && line[2] != ' ')
            {
                var gap = line.IndexOf("  ", 2, StringComparison.Ordinal);
                var name = gap < 0 ? line.Trim() : line[2..gap];
                entries.Add((name, new StringBuilder(gap < 0 ? string.Empty : line[gap..].Trim())));
            }
            else if (line.Length > 0 && line[0] == ' ' && entries.Count > 0)
            {
                entries[^1].Text.Append('\n').Append(line.Trim());
            }
            else if (line.Trim().Length > 0 || entries.Count == 0)
            {
                break;
            }
        }

        var width = entries.Count == 0 ? 0 : entries.Max(e => e.Name.Length);
        var shortened = entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"  {e.Name.PadRight(width)}  {FirstSentence(e.Text.ToString())}"));
        return string.Join('\n', lines[..(start + 1)].Concat(shortened).Append(string.Empty).Concat(lines[end..].SkipWhile(l => l.Trim().Length == 0)));
    }

    /// <summary>The first sentence of the first paragraph, on one line.</summary>
    private static string FirstSentence(string description)
    {
        var paragraph = description.Split("\n\n", 2)[0].Replace('\n', ' ');
        var stop = paragraph.IndexOf(". ", StringComparison.Ordinal);
        return stop < 0 ? paragraph.Trim() : paragraph[..(stop + 1)];
    }
}
