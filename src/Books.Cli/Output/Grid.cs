namespace BillingBooks.Books.Cli.Output;

public enum Align
{
    Left,
    Right,
}

public sealed record Column(string Header, Align Align = Align.Left)
{
    public static Column Amount(string header) => new(header, Align.Right);
}

/// <summary>
/// Rows of text under headers, the one shape shown as a table or written as CSV. Cells are already formatted
/// (amounts by Money.ToDecimalString, dates as YYYY-MM-DD), so every format shows the same figures.
/// Footer rows (totals) follow a rule in a table and are ordinary rows in CSV.
/// </summary>
public sealed class Grid
{
    private readonly List<IReadOnlyList<string>> _rows = [];
    private readonly List<IReadOnlyList<string>> _footer = [];

    public Grid(params Column[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns;
    }

    public IReadOnlyList<Column> Columns { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    public IReadOnlyList<IReadOnlyList<string>> Footer => _footer;

    public Grid Add(params string[] cells)
    {
        _rows.Add(Checked(cells));
        return this;
    }

    public Grid AddFooter(params string[] cells)
    {
        _footer.Add(Checked(cells));
        return this;
    }

    private string[] Checked(string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"A row has {cells.Length} cells for {Columns.Count} columns.", nameof(cells));
        }

        return cells;
    }
}
