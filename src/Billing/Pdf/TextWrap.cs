using System.Globalization;
using PdfSharp.Drawing;

namespace BillingBooks.Billing.Pdf;

/// <summary>
/// Breaks text into the lines that fit a width, so that nothing the customer typed is cut off: at spaces, at the typed
/// line breaks, and inside a word only when that word alone is wider than the column (a long link, a part number).
/// </summary>
internal static class TextWrap
{
    public static IReadOnlyList<string> Lines(XGraphics graphics, string? text, XFont font, double width)
    {
        var lines = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return lines;
        }

        bool Fits(string candidate) => graphics.MeasureString(candidate, font).Width <= width;
        foreach (var paragraph in text.Trim().ReplaceLineEndings("\n").Replace('\t', ' ').Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Fits(candidate))
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (!Fits(line))
                {
                    var cut = FittingPrefix(line, Fits);
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>How many chars of <paramref name="word"/> fit, cut between whole text elements (never inside an accent or emoji), at least one.</summary>
    private static int FittingPrefix(string word, Func<string, bool> fits)
    {
        var starts = StringInfo.ParseCombiningCharacters(word);
        var cut = starts.Length > 1 ? starts[1] : word.Length;
        for (var i = 2; i < starts.Length && fits(word[..starts[i]]); i++)
        {
            cut = starts[i];
        }

        return cut;
    }
}
