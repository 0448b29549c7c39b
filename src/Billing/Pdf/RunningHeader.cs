using PdfSharp.Drawing;

namespace BillingBooks.Billing.Pdf;

/// <summary>
/// What each page after the first repeats at its top, so that a page read on its own says whose document it is,
/// which one, and where it falls ("Maple Consulting ... Invoice 1042 · Page 2 of 5"); the first page of several
/// says "Page 1 of 5" at its foot.
/// </summary>
internal sealed class RunningHeader(string company, string document, XFont regular, XFont bold)
{
    private const double LineHeight = 12;
    private const double RightWidth = 200;
    private const double CompanyWidth = PdfPages.Width - RightWidth - 12;

    /// <summary>The height the header takes at the top of a continued page, its rule included.</summary>
    public double Height(XGraphics graphics) => (Math.Max(1, TextWrap.Lines(graphics, company, bold, CompanyWidth).Count) * LineHeight) + 12;

    public void Draw(XGraphics graphics, int page, int pages)
    {
        var y = PdfPages.Margin;
        foreach (var line in TextWrap.Lines(graphics, company, bold, CompanyWidth))
        {
            graphics.DrawString(line, bold, XBrushes.Black, new XRect(PdfPages.Margin, y, CompanyWidth, LineHeight), XStringFormats.TopLeft);
            y += LineHeight;
        }

        graphics.DrawString(Where(page, pages), regular, XBrushes.Black, new XRect(PdfPages.Right - RightWidth, PdfPages.Margin, RightWidth, LineHeight), XStringFormats.TopRight);
        y = PdfPages.Margin + Height(graphics) - 6;
        graphics.DrawLine(XPens.LightGray, PdfPages.Margin, y, PdfPages.Right, y);
    }

    /// <summary>"Invoice 1042 · Page 1 of 5" under the bottom margin of the first page, in small grey type.</summary>
    public void DrawFoot(XGraphics graphics, int pages)
    {
        var small = new XFont(PdfFonts.Family, 8, XFontStyleEx.Regular);
        graphics.DrawString(Where(1, pages), small, XBrushes.Gray, new XRect(PdfPages.Right - RightWidth, PdfPages.Bottom + 14, RightWidth, 10), XStringFormats.TopRight);
    }

    private string Where(int page, int pages) => $"{document} · Page {page} of {pages}";
}
