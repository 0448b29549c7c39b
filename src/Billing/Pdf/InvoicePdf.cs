using System.Globalization;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Pages;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BillingBooks.Billing.Pdf;

/// <summary>
/// An invoice or quote as a one-or-more-page Letter PDF (prints on A4 too): logo, company, customer, lines, each tax,
/// total, owing. Everything the customer typed is printed whole, wrapped within its column.
/// </summary>
public static class InvoicePdf
{
    private const double Margin = PdfPages.Margin;
    private const double Width = PdfPages.Width;
    private const double Right = PdfPages.Right;

    /// <summary>The company's block at the left of the first page stops short of the title and facts at the right.</summary>
    private const double CompanyWidth = Width - 240;

    public static byte[] Render(InvoiceResponse invoice, ProfileDocument profile, CustomerResponse customer, Logos.Logo? logo)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(customer);
        PdfFonts.EnsureInstalled();
        using var document = new PdfDocument();
        var title = DocumentTitle.For(invoice);
        document.Info.Title = $"{title.Noun} {invoice.Number}" + (title.Mark is { } mark ? $" ({mark.ToLowerInvariant()})" : "");
        var regular = new XFont(PdfFonts.Family, 9.5, XFontStyleEx.Regular);
        var bold = new XFont(PdfFonts.Family, 9.5, XFontStyleEx.Bold);
        using var pages = new PdfPages(document, title, new RunningHeader(profile.CompanyName ?? profile.ContactName ?? "", $"{title.Noun} {invoice.Number}", regular, bold));

        Letterhead(pages, invoice, title, profile, logo, regular, bold);
        pages.Text("Bill to", bold);
        pages.Text(customer.Name, regular, 300);
        foreach (var line in AddressLines(customer.Address))
        {
            pages.Text(line, regular, 300);
        }

        if (!string.IsNullOrWhiteSpace(invoice.Description))
        {
            pages.Y += 8;
            pages.Text(invoice.Description, regular);
        }

        pages.Y += 14;
        var marks = TaxMarks.For(invoice.Taxes, pages.Graphics, regular);
        Lines(pages, invoice, marks, regular, bold);
        Totals(pages, invoice, marks.Legend, regular, bold);
        if (!string.IsNullOrWhiteSpace(invoice.Comments))
        {
            pages.Y += 12;
            pages.Text(invoice.Comments, regular);
        }

        pages.Finish();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The logo and the company at the left; the title and the document's number, dates and reference at the right.</summary>
    private static void Letterhead(PdfPages pages, InvoiceResponse invoice, DocumentTitle title, ProfileDocument profile, Logos.Logo? logo, XFont regular, XFont bold)
    {
        if (logo is not null)
        {
            using var stream = new MemoryStream(logo.Image);
            using var image = XImage.FromStream(stream);
            var scale = Math.Min(160 / image.PointWidth, 56 / image.PointHeight);
            pages.Graphics.DrawImage(image, Margin, pages.Y, image.PointWidth * scale, image.PointHeight * scale);
            pages.Y += (image.PointHeight * scale) + 8;
        }

        pages.Text(profile.CompanyName ?? profile.ContactName, bold, CompanyWidth);
        foreach (var line in AddressLines(profile.Address).Append(profile.Phone))
        {
            pages.Text(line, regular, CompanyWidth);
        }

        var companyBottom = pages.Y;
        var heading = new XFont(PdfFonts.Family, 20, XFontStyleEx.Bold);
        pages.Graphics.DrawString(title.Heading, heading, XBrushes.Black, new XRect(Margin, Margin, Width, 24), XStringFormats.TopRight);
        var facts = new (string Label, string? Value)[]
        {
            (title.Noun + " #", invoice.Number),
            ("Date", invoice.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (invoice.Kind == InvoiceKinds.Quote ? "Valid until" : "Due", invoice.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Reference", invoice.Reference),
        };
        pages.Y = Margin + 32;
        foreach (var (label, value) in facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)))
        {
            pages.Graphics.DrawString(label, regular, XBrushes.Gray, new XRect(Right - 230, pages.Y, 80, 14), XStringFormats.TopLeft);
            foreach (var line in TextWrap.Lines(pages.Graphics, value, bold, 150))
            {
                pages.Graphics.DrawString(line, bold, XBrushes.Black, new XRect(Right - 150, pages.Y, 150, 14), XStringFormats.TopRight);
                pages.Y += 14;
            }
        }

        pages.Y = Math.Max(pages.Y, companyBottom) + 18;
    }

    /// <summary>The table of lines, with a Tax column when the invoice has taxes.</summary>
    private static void Lines(PdfPages pages, InvoiceResponse invoice, TaxMarks marks, XFont regular, XFont bold)
    {
        var taxed = invoice.Taxes.Count > 0;
        TableColumn[] columns = taxed
            ? [new("Item", 62), new("Description", 0), new("Qty", 44, XStringFormats.TopRight), new("Unit price", 66, XStringFormats.TopRight),
                new("Tax", TaxMarks.ColumnWidth, XStringFormats.TopCenter), new("Amount", 70, XStringFormats.TopRight)]
            : [new("Item", 62), new("Description", 0), new("Qty", 44, XStringFormats.TopRight), new("Unit price", 66, XStringFormats.TopRight), new("Amount", 70, XStringFormats.TopRight)];
        var table = new LineTable(pages, columns, regular, bold);
        table.Begin();
        foreach (var line in invoice.Lines)
        {
            string?[] cells = [line.Unit, line.Description, line.Quantity, Plain(line.UnitPrice, invoice.Currency), Plain(line.Amount, invoice.Currency)];
            table.Row(taxed ? [.. cells[..4], marks.Of(line), cells[4]] : cells);
        }

        table.End();
    }

    /// <summary>
    /// Subtotal, discount, each tax, total and (for an invoice) paid and owing, kept together on one page, with the
    /// legend of the Tax column's codes (if it has them) at their left.
    /// </summary>
    private static void Totals(PdfPages pages, InvoiceResponse invoice, IReadOnlyList<string> legend, XFont regular, XFont bold)
    {
        var rows = new List<(string Label, string Amount, XFont Font)> { ("Subtotal", Amounts.Format(invoice.Subtotal, invoice.Currency), regular) };
        if (invoice.Discount != Zero(invoice.Discount))
        {
            rows.Add(("Discount", "-" + Amounts.Format(invoice.Discount, invoice.Currency), regular));
        }

        rows.AddRange(invoice.Taxes.Select(t => ($"{t.Name} {t.Rate}%", Amounts.Format(t.Amount, invoice.Currency), regular)));
        rows.Add(("Total", Amounts.Format(invoice.Total, invoice.Currency), bold));
        if (invoice.Kind != InvoiceKinds.Quote)
        {
            rows.Add(("Paid", Amounts.Format(invoice.Paid, invoice.Currency), regular));
            rows.Add(("Amount owing", Amounts.Format(invoice.Owing, invoice.Currency), bold));
        }

        const double labelWidth = 190;
        const double legendWidth = Width - 120 - labelWidth - 16;
        var wrapped = rows.Select(r => (Lines: TextWrap.Lines(pages.Graphics, r.Label, r.Font, labelWidth), r.Amount, r.Font)).ToArray();
        var legendLines = legend.SelectMany(l => TextWrap.Lines(pages.Graphics, l, regular, legendWidth)).ToArray();
        pages.NeedRoom(Math.Max(wrapped.Sum(r => Math.Max(1, r.Lines.Count) * 16), legendLines.Length * 16));
        var legendY = pages.Y;
        foreach (var line in legendLines)
        {
            pages.Graphics.DrawString(line, regular, XBrushes.Gray, new XRect(Margin, legendY, legendWidth, 14), XStringFormats.TopLeft);
            legendY += 16;
        }

        foreach (var (lines, amount, font) in wrapped)
        {
            pages.Graphics.DrawString(amount, font, XBrushes.Black, new XRect(Right - 110, pages.Y, 110, 14), XStringFormats.TopRight);
            foreach (var line in lines)
            {
                pages.Graphics.DrawString(line, font, XBrushes.Black, new XRect(Right - 120 - labelWidth, pages.Y, labelWidth, 14), XStringFormats.TopRight);
                pages.Y += 16;
            }
        }

        pages.Y = Math.Max(pages.Y, legendY);
    }

    private static string Plain(string amount, string currency) => Amounts.Format(amount, currency)[..^(currency.Length + 1)];

    private static string Zero(string amount) => amount.Contains('.', StringComparison.Ordinal) ? "0." + new string('0', amount.Length - amount.IndexOf('.', StringComparison.Ordinal) - 1) : "0";

    private static IEnumerable<string> AddressLines(Address? a)
    {
        if (a is null)
        {
            yield break;
        }

        foreach (var line in new[] { a.Line1, a.Line2, string.Join(" ", new[] { a.City, a.Province, a.PostalCode }.Where(s => !string.IsNullOrWhiteSpace(s))), a.Country })
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return line;
            }
        }
    }
}
