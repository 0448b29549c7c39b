using System.Globalization;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Pages;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BillingBooks.Billing.Pdf;

/// <summary>An invoice or quote as a one-or-more-page A4/Letter-safe PDF: logo, company, customer, lines, each tax, total, owing.</summary>
public static class InvoicePdf
{
    private const double Margin = 48;
    private const double Width = 612 - (2 * Margin);

    public static byte[] Render(InvoiceResponse invoice, ProfileDocument profile, CustomerResponse customer, Logos.Logo? logo)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(customer);
        PdfFonts.EnsureInstalled();
        using var document = new PdfDocument();
        var title = invoice.Kind == "quote" ? "Quote" : "Invoice";
        document.Info.Title = $"{title} {invoice.Number}";
        var regular = new XFont(PdfFonts.Family, 9.5, XFontStyleEx.Regular);
        var bold = new XFont(PdfFonts.Family, 9.5, XFontStyleEx.Bold);
        var heading = new XFont(PdfFonts.Family, 20, XFontStyleEx.Bold);
        var page = new Writer(document, regular);

        var top = Margin;
        if (logo is not null)
        {
            using var stream = new MemoryStream(logo.Image);
            using var image = XImage.FromStream(stream);
            var scale = Math.Min(160 / image.PointWidth, 56 / image.PointHeight);
            page.Graphics.DrawImage(image, Margin, top, image.PointWidth * scale, image.PointHeight * scale);
            top += (image.PointHeight * scale) + 8;
        }

        page.Y = top;
        page.Line(profile.CompanyName ?? profile.ContactName ?? "", bold);
        foreach (var line in AddressLines(profile.Address))
        {
            page.Line(line);
        }

        if (!string.IsNullOrWhiteSpace(profile.Phone))
        {
            page.Line(profile.Phone);
        }

        var right = Margin + Width;
        page.Graphics.DrawString(title.ToUpperInvariant(), heading, XBrushes.Black, new XRect(Margin, Margin, Width, 24), XStringFormats.TopRight);
        var facts = new List<(string, string)>
        {
            (title + " #", invoice.Number),
            ("Date", invoice.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (invoice.Kind == "quote" ? "Valid until" : "Due", invoice.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        if (!string.IsNullOrWhiteSpace(invoice.Reference))
        {
            facts.Add(("Reference", invoice.Reference));
        }

        var factY = Margin + 32;
        foreach (var (label, value) in facts)
        {
            page.Graphics.DrawString(label, regular, XBrushes.Gray, new XRect(right - 220, factY, 100, 14), XStringFormats.TopLeft);
            page.Graphics.DrawString(value, bold, XBrushes.Black, new XRect(right - 120, factY, 120, 14), XStringFormats.TopRight);
            factY += 14;
        }

        page.Y = Math.Max(page.Y, factY) + 18;
        page.Line("Bill to", bold);
        page.Line(customer.Name);
        foreach (var line in AddressLines(customer.Address))
        {
            page.Line(line);
        }

        if (!string.IsNullOrWhiteSpace(invoice.Description))
        {
            page.Y += 8;
            page.Wrapped(invoice.Description, Width);
        }

        page.Y += 14;
        double[] columns = [Margin, Margin + 70, Margin + 300, Margin + 370, Margin + 450];
        void Row(XFont font, string unit, string description, string quantity, string price, string amount)
        {
            page.NeedRoom(16);
            var g = page.Graphics;
            g.DrawString(unit, font, XBrushes.Black, new XRect(columns[0], page.Y, 66, 14), XStringFormats.TopLeft);
            g.DrawString(Fit(g, description, font, 226), font, XBrushes.Black, new XRect(columns[1], page.Y, 226, 14), XStringFormats.TopLeft);
            g.DrawString(quantity, font, XBrushes.Black, new XRect(columns[2], page.Y, 66, 14), XStringFormats.TopRight);
            g.DrawString(price, font, XBrushes.Black, new XRect(columns[3], page.Y, 76, 14), XStringFormats.TopRight);
            g.DrawString(amount, font, XBrushes.Black, new XRect(columns[4], page.Y, right - columns[4], 14), XStringFormats.TopRight);
            page.Y += 16;
        }

        Row(bold, "Item", "Description", "Qty", "Unit price", "Amount");
        page.Rule();
        foreach (var line in invoice.Lines)
        {
            Row(regular, line.Unit ?? "", line.Description ?? "", line.Quantity, Plain(line.UnitPrice, invoice.Currency), Plain(line.Amount, invoice.Currency));
        }

        page.Rule();
        void Total(string label, string amount, XFont font)
        {
            page.NeedRoom(16);
            page.Graphics.DrawString(label, font, XBrushes.Black, new XRect(right - 260, page.Y, 150, 14), XStringFormats.TopRight);
            page.Graphics.DrawString(amount, font, XBrushes.Black, new XRect(right - 110, page.Y, 110, 14), XStringFormats.TopRight);
            page.Y += 16;
        }

        Total("Subtotal", Amounts.Format(invoice.Subtotal, invoice.Currency), regular);
        if (invoice.Discount != Zero(invoice.Discount))
        {
            Total("Discount", "-" + Amounts.Format(invoice.Discount, invoice.Currency), regular);
        }

        foreach (var tax in invoice.Taxes)
        {
            Total($"{tax.Name} {tax.Rate}%", Amounts.Format(tax.Amount, invoice.Currency), regular);
        }

        Total("Total", Amounts.Format(invoice.Total, invoice.Currency), bold);
        if (invoice.Kind != "quote")
        {
            Total("Paid", Amounts.Format(invoice.Paid, invoice.Currency), regular);
            Total("Amount owing", Amounts.Format(invoice.Owing, invoice.Currency), bold);
        }

        if (!string.IsNullOrWhiteSpace(invoice.Comments))
        {
            page.Y += 12;
            page.Wrapped(invoice.Comments, Width);
        }

        page.Dispose();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static PdfPage NewPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(612);
        page.Height = XUnit.FromPoint(792);
        return page;
    }

    private static string Plain(string amount, string currency) => Amounts.Format(amount, currency)[..^(currency.Length + 1)];

    private static string Zero(string amount) => amount.Contains('.', StringComparison.Ordinal) ? "0." + new string('0', amount.Length - amount.IndexOf('.', StringComparison.Ordinal) - 1) : "0";

    private static string Fit(XGraphics g, string text, XFont font, double width)
    {
        var fitted = text.ReplaceLineEndings(" ");
        while (fitted.Length > 1 && g.MeasureString(fitted, font).Width > width)
        {
            fitted = fitted[..^2] + "…";
        }

        return fitted;
    }

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

    /// <summary>Writes lines top to bottom, starting a new page when the current one is full.</summary>
    private sealed class Writer(PdfDocument document, XFont font) : IDisposable
    {
        public XGraphics Graphics { get; private set; } = XGraphics.FromPdfPage(NewPage(document));

        public double Y { get; set; } = Margin;

        public void Line(string text, XFont? with = null)
        {
            NeedRoom(14);
            Graphics.DrawString(text, with ?? font, XBrushes.Black, new XRect(Margin, Y, Width, 14), XStringFormats.TopLeft);
            Y += 13;
        }

        public void Wrapped(string text, double width)
        {
            foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' '))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (Graphics.MeasureString(candidate, font).Width > width && line.Length > 0)
                    {
                        Line(line);
                        line = word;
                    }
                    else
                    {
                        line = candidate;
                    }
                }

                Line(line);
            }
        }

        public void Rule()
        {
            Graphics.DrawLine(XPens.LightGray, Margin, Y, Margin + Width, Y);
            Y += 4;
        }

        public void NeedRoom(double height)
        {
            if (Y + height <= 792 - Margin)
            {
                return;
            }

            Graphics.Dispose();
            Graphics = XGraphics.FromPdfPage(NewPage(document));
            Y = Margin;
        }

        public void Dispose() => Graphics.Dispose();
    }
}
