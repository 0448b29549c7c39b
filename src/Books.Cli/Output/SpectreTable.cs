using Spectre.Console;
using Spectre.Console.Rendering;

namespace BillingBooks.Books.Cli.Output;

/// <summary>A boxed, aligned table for a person at a terminal.</summary>
internal static class SpectreTable
{
    public static void Write(Grid grid, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in grid.Columns)
        {
            var tableColumn = new TableColumn(Markup.Escape(column.Header));
            table.AddColumn(column.Align == Align.Right ? tableColumn.RightAligned() : tableColumn);
        }

        foreach (var row in grid.Rows)
        {
            table.AddRow(row.Select(Cell).ToArray());
        }

        if (grid.Footer.Count > 0)
        {
            table.ShowFooters = true;
            for (var i = 0; i < grid.Columns.Count; i++)
            {
                table.Columns[i].Footer = new Markup("[bold]" + Markup.Escape(string.Join('\n', grid.Footer.Select(r => r[i]))) + "[/]");
            }
        }

        console.Write(table);
    }

    private static IRenderable Cell(string text) => new Spectre.Console.Text(text);
}
