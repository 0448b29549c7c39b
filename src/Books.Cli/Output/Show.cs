namespace BillingBooks.Books.Cli.Output;

/// <summary>Writes one result in the format the user asked for.</summary>
internal static class Show
{
    /// <param name="title">A heading shown above a table only; CSV and JSON carry their facts in the data.</param>
    public static int Write<T>(CliContext cli, OutputFormat format, Grid grid, T json, string? title = null)
    {
        switch (format)
        {
            case OutputFormat.Csv:
                Csv.Write(grid, cli.Out);
                break;
            case OutputFormat.Json:
                Json.Write(json, cli.Out);
                break;
            default:
                if (title is not null)
                {
                    cli.Out.WriteLine(title);
                    cli.Out.WriteLine();
                }

                Table(cli, grid);
                break;
        }

        return BooksApp.Done;
    }

    public static void Table(CliContext cli, Grid grid)
    {
        if (cli.Terminal.Interactive)
        {
            SpectreTable.Write(grid, cli.Out);
        }
        else
        {
            PlainTable.Write(grid, cli.Out);
        }
    }
}
