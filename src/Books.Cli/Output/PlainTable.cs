using System.Text;

namespace BillingBooks.Books.Cli.Output;

/// <summary>Columns padded with spaces, amounts right-aligned: what a pipe, a file or a test gets.</summary>
internal static class PlainTable
{
    private const string Gap = "  ";

    public static void Write(Grid grid, TextWriter writer)
    {
        var widths = grid.Columns.Select((column, i) =>
            grid.Rows.Concat(grid.Footer).Select(row => row[i].Length).Append(column.Header.Length).Max()).ToArray();

        writer.WriteLine(Line(grid, grid.Columns.Select(c => c.Header).ToArray(), widths));
        var rule = Rule(widths);
        writer.WriteLine(rule);
        foreach (var row in grid.Rows)
        {
            writer.WriteLine(Line(grid, row, widths));
        }

        if (grid.Footer.Count > 0)
        {
            writer.WriteLine(rule);
            foreach (var row in grid.Footer)
            {
                writer.WriteLine(Line(grid, row, widths));
            }
        }
    }

    private static string Rule(int[] widths) => string.Join(Gap, widths.Select(w => new string('-', w)));

    private static string Line(Grid grid, IReadOnlyList<string> cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append(Gap);
            }

            line.Append(grid.Columns[i].Align == Align.Right ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
        }

        return line.ToString().TrimEnd();
    }
}
