using PdfSharp.Drawing;

namespace BillingBooks.Billing.Pdf;

/// <summary>A column of the lines table: a width of 0 takes what the others leave; text at the left unless told.</summary>
internal sealed record TableColumn(string Heading, double Width, XStringFormat? Format = null);

/// <summary>
/// The invoice's lines as a table whose cells wrap within their column. A row that does not fit moves to the next
/// page whole; one taller than a page is split line by line. The headings repeat on every page the table goes on to.
/// </summary>
internal sealed class LineTable
{
    private const double Gap = 8;
    private const double LineHeight = 12;
    private const double RowGap = 4;

    private readonly PdfPages _pages;
    private readonly XFont _regular;
    private readonly XFont _bold;
    private readonly (TableColumn Column, double X, double Width)[] _layout;

    public LineTable(PdfPages pages, IReadOnlyList<TableColumn> columns, XFont regular, XFont bold)
    {
        _pages = pages;
        _regular = regular;
        _bold = bold;
        var flexible = PdfPages.Width - columns.Sum(c => c.Width) - (Gap * (columns.Count - 1));
        var x = PdfPages.Margin;
        _layout = columns.Select(c =>
        {
            var width = c.Width > 0 ? c.Width : flexible;
            var cell = (c, x, width);
            x += width + Gap;
            return cell;
        }).ToArray();
    }

    private double HeadingsHeight => LineHeight + RowGap + 4;

    /// <summary>Writes the headings, and has every following page of the table start with them too, until <see cref="End"/>.</summary>
    public void Begin()
    {
        _pages.NeedRoom(HeadingsHeight + LineHeight + RowGap);
        Headings();
        _pages.Continued = (Headings, HeadingsHeight);
    }

    public void Row(IReadOnlyList<string?> cells)
    {
        var lines = _layout.Select((c, i) => TextWrap.Lines(_pages.Graphics, cells[i], _regular, c.Width)).ToArray();
        var count = Math.Max(1, lines.Max(l => l.Count));
        var height = (count * LineHeight) + RowGap;
        if (height > _pages.Room && height <= _pages.RoomOnNewPage)
        {
            _pages.NewPage();
        }

        for (var line = 0; line < count; line++)
        {
            _pages.NeedRoom(LineHeight);
            for (var i = 0; i < _layout.Length; i++)
            {
                if (line < lines[i].Count)
                {
                    Draw(lines[i][line], _regular, _layout[i]);
                }
            }

            _pages.Y += LineHeight;
        }

        _pages.Y += RowGap;
    }

    public void End()
    {
        _pages.Continued = null;
        _pages.Rule();
    }

    private void Headings()
    {
        foreach (var cell in _layout)
        {
            Draw(cell.Column.Heading, _bold, cell);
        }

        _pages.Y += LineHeight + RowGap;
        _pages.Rule();
    }

    private void Draw(string text, XFont font, (TableColumn Column, double X, double Width) cell) =>
        _pages.Graphics.DrawString(text, font, XBrushes.Black, new XRect(cell.X, _pages.Y, cell.Width, LineHeight),
            cell.Column.Format ?? XStringFormats.TopLeft);
}
