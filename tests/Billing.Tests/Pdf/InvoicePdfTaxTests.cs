using static BillingBooks.Billing.Tests.Pdf.Samples;

namespace BillingBooks.Billing.Tests.Pdf;

/// <summary>
/// Each line says which taxes it is charged (GST/HST invoices show which items are taxable): a Tax column with the
/// taxes' names when they fit it together, else one-letter codes explained beside the totals; none, "–".
/// </summary>
public class InvoicePdfTaxTests
{
    [Fact]
    public void Each_line_shows_the_names_of_the_taxes_ticked_on_it_and_a_dash_for_none()
    {
        var pdf = Print(Invoice(
            [Line("Hours", "Workshop", "10", "120", "GST", "QST"), Line("Copy", "Books", "2", "35", "GST"), Line("Fee", "Filing", "1", "25")],
            taxes: [("GST", "5"), ("QST", "9.975")]));

        Assert.Equal("Item Description Qty Unit price Tax Amount", Headings(pdf));
        Assert.Equal("GST QST", TaxesOn(pdf, "Workshop"));
        Assert.Equal("GST", TaxesOn(pdf, "Books"));
        Assert.Equal("–", TaxesOn(pdf, "Filing"));
        Assert.DoesNotContain("=", pdf.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Three_taxes_that_do_not_fit_the_column_together_show_as_codes_explained_beside_the_totals()
    {
        var pdf = Print(Invoice(
            [Line("Hours", "Workshop", "10", "120", "GST", "PST", "Municipal levy"), Line("Copy", "Books", "2", "35", "GST"), Line("Fee", "Filing", "1", "25", "PST", "Municipal levy")],
            taxes: [("GST", "5"), ("PST", "7"), ("Municipal levy", "2.5")]));

        Assert.Equal("G P M", TaxesOn(pdf, "Workshop"));
        Assert.Equal("G", TaxesOn(pdf, "Books"));
        Assert.Equal("P M", TaxesOn(pdf, "Filing"));
        var text = pdf.AllText();
        foreach (var legend in new[] { "G = GST 5%", "P = PST 7%", "M = Municipal levy 2.5%" })
        {
            Assert.Contains(legend, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Three_short_taxes_too_wide_together_show_as_codes_too()
    {
        var pdf = Print(Invoice([Line("Hours", "Workshop", "10", "120", "GST", "PST", "QST")], taxes: [("GST", "5"), ("PST", "7"), ("QST", "9.975")]));

        Assert.Equal("G P Q", TaxesOn(pdf, "Workshop"));
        Assert.Contains("Q = QST 9.975%", pdf.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Taxes_with_the_same_first_letter_are_numbered()
    {
        var pdf = Print(Invoice([Line("Hours", "Workshop", "10", "120", "Provincial tax", "Parish levy")], taxes: [("Provincial tax", "7"), ("Parish levy", "1")]));

        Assert.Equal("1 2", TaxesOn(pdf, "Workshop"));
        Assert.Contains("1 = Provincial tax 7%", pdf.AllText(), StringComparison.Ordinal);
        Assert.Contains("2 = Parish levy 1%", pdf.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invoice_without_taxes_has_no_tax_column()
    {
        var pdf = Print(Invoice([Line("Hours", "Workshop", "10", "120")]));

        Assert.Equal("Item Description Qty Unit price Amount", Headings(pdf));
    }

    [Fact]
    public void The_tax_column_repeats_on_every_page_with_three_taxes_and_large_amounts()
    {
        var lines = Enumerable.Range(1, 60).Select(i => Line("Hours", $"Row{i} workshop and design work over several lines of text", "99.5", "9999.99", "GST", "PST", "QST")).ToArray();
        var pdf = Print(Invoice(lines, taxes: [("GST", "5"), ("PST", "7"), ("QST", "9.975")]));

        Assert.True(pdf.Pages >= 2, $"{pdf.Pages} page(s)");
        for (var i = 1; i <= 60; i++)
        {
            Assert.Equal("G P Q", TaxesOn(pdf, $"Row{i}"));
        }

        Assert.All(pdf.Words, w => Assert.True(w.Left >= 47 && w.Right <= 565, $"\"{w.Text}\" on page {w.Page} runs from x {w.Left:0} to {w.Right:0}"));
    }

    private static string Headings(PrintedPdf pdf)
    {
        var description = pdf.First(1, "Description");
        return string.Join(" ", pdf.Words.Where(w => w.Page == 1 && Math.Abs(w.Bottom - description.Bottom) < 1).Select(w => w.Text));
    }

    /// <summary>What the Tax column (between the Unit price and Amount columns) says on the row whose description starts with <paramref name="description"/>.</summary>
    private static string TaxesOn(PrintedPdf pdf, string description)
    {
        var row = pdf.Words.Single(w => w.Text == description);
        var price = pdf.First(row.Page, "price");
        var amount = pdf.First(row.Page, "Amount");
        return string.Join(" ", pdf.Column(price.Right + 1, amount.Left - 1, price).Where(w => w.Page == row.Page && Math.Abs(w.Bottom - row.Bottom) < 1).Select(w => w.Text));
    }
}
