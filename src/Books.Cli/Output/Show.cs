namespace BillingBooks.Books.Cli.Output;

/// <summary>Writes one result in the format the user asked for.</summary>
internal static class Show
{
    public static int Write<T>(CliContext cli, OutputFormat format, Grid grid, T json)
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
