namespace BillingBooks.Books.Cli.Output;

/// <summary>RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.</summary>
internal static class Csv
{
    public static void Write(Grid grid, TextWriter writer)
    {
        WriteRow(grid.Columns.Select(c => c.Header).ToArray(), writer);
        foreach (var row in grid.Rows.Concat(grid.Footer))
        {
            WriteRow(row, writer);
        }
    }

    private static void WriteRow(IReadOnlyList<string> cells, TextWriter writer)
    {
        writer.Write(string.Join(',', cells.Select(Field)));
        writer.Write("\r\n");
    }

    private static string Field(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
