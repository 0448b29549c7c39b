using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BillingBooks.Billing.Pdf;

/// <summary>
/// The pages of a document written top to bottom (US Letter, which prints on A4 too): the pen's height
/// <see cref="Y"/>, wrapped text, and a new page when the current one is full, with what each continued page repeats.
/// </summary>
internal sealed class PdfPages : IDisposable
{
    public const double Margin = 48;
    public const double PageWidth = 612;
    public const double PageHeight = 792;
    public const double Width = PageWidth - (2 * Margin);
    public const double Right = Margin + Width;
    public const double Bottom = PageHeight - Margin;

    private readonly PdfDocument _document;
    private readonly DocumentTitle _title;
    private readonly RunningHeader _header;
    private readonly double _continuedTop;
    private bool _finished;

    public PdfPages(PdfDocument document, DocumentTitle title, RunningHeader header)
    {
        _document = document;
        _title = title;
        _header = header;
        Graphics = XGraphics.FromPdfPage(AddPage());
        _continuedTop = Margin + header.Height(Graphics);
        DrawMark();
    }

    public XGraphics Graphics { get; private set; }

    public double Y { get; set; } = Margin;

    /// <summary>What a page continued from the one before starts with (the table's column headings), and how tall it is.</summary>
    public (Action Draw, double Height)? Continued { get; set; }

    /// <summary>The height a row has on a new page, below what it repeats: a taller one has to be split over pages.</summary>
    public double RoomOnNewPage => Bottom - _continuedTop - (Continued?.Height ?? 0);

    public double Room => Bottom - Y;

    /// <summary>Writes <paramref name="text"/> from the left margin wrapped to <paramref name="width"/>, a new page when one is full.</summary>
    public void Text(string? text, XFont font, double width = Width)
    {
        const double lineHeight = 13;
        foreach (var line in TextWrap.Lines(Graphics, text, font, width))
        {
            NeedRoom(lineHeight);
            Graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin, Y, width, lineHeight), XStringFormats.TopLeft);
            Y += lineHeight;
        }
    }

    public void Rule()
    {
        Graphics.DrawLine(XPens.LightGray, Margin, Y, Right, Y);
        Y += 4;
    }

    public void NeedRoom(double height)
    {
        if (Y + height > Bottom)
        {
            NewPage();
        }
    }

    public void NewPage()
    {
        Graphics.Dispose();
        Graphics = XGraphics.FromPdfPage(AddPage());
        DrawMark();
        Y = _continuedTop;
        Continued?.Draw();
    }

    /// <summary>Once every page is written, and so counted: the running header on each page after the first, the first page's number.</summary>
    public void Finish()
    {
        Graphics.Dispose();
        _finished = true;
        var count = _document.PageCount;
        if (count == 1)
        {
            // Nothing to add (and an empty appended content stream would make a broken PDF).
            return;
        }

        for (var i = 0; i < count; i++)
        {
            using var graphics = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            if (i > 0)
            {
                _header.Draw(graphics, i + 1, count);
            }
            else
            {
                _header.DrawFoot(graphics, count);
            }
        }
    }

    public void Dispose()
    {
        if (!_finished)
        {
            Graphics.Dispose();
        }
    }

    /// <summary>The document's mark ("VOID", "DRAFT") across the page, drawn first so the page reads through it.</summary>
    private void DrawMark()
    {
        if (_title.Mark is not { } mark)
        {
            return;
        }

        var font = new XFont(PdfFonts.Family, 110, XFontStyleEx.Bold);
        var center = new XPoint(PageWidth / 2, PageHeight / 2);
        var state = Graphics.Save();
        Graphics.RotateAtTransform(-35, center);
        Graphics.DrawString(mark, font, new XSolidBrush(_title.MarkColor), new XRect(center.X - 300, center.Y - 80, 600, 160), XStringFormats.Center);
        Graphics.Restore(state);
    }

    private PdfPage AddPage()
    {
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        return page;
    }
}
