using BillingBooks.Billing.Contracts;
using static BillingBooks.Billing.Tests.Pdf.Samples;

namespace BillingBooks.Billing.Tests.Pdf;

/// <summary>
/// A page of a long invoice read on its own still says whose invoice it is, which, and where it falls: every page
/// after the first starts with the company, "Invoice N" and "Page x of y", then the column headings.
/// </summary>
public class InvoicePdfPagesTests
{
    private static readonly InvoiceLineDocument[] Eighty = Enumerable.Range(1, 80).Select(i => Line("Hours", $"Design work, part {i}: wireframes, mock-ups and review", "2", "80")).ToArray();

    [Fact]
    public void Every_page_after_the_first_starts_with_company_invoice_number_and_page_x_of_y_then_the_column_headings()
    {
        var pdf = Print(Invoice(Eighty));

        Assert.True(pdf.Pages >= 3, $"{pdf.Pages} page(s)");
        for (var page = 2; page <= pdf.Pages; page++)
        {
            var description = pdf.First(page, "Description");
            var top = string.Join(" ", pdf.Words.Where(w => w.Page == page && w.Bottom > description.Top).Select(w => w.Text));
            Assert.Contains("Maple Consulting", top, StringComparison.Ordinal);
            Assert.Contains("Invoice 1042", top, StringComparison.Ordinal);
            Assert.Contains($"Page {page} of {pdf.Pages}", top, StringComparison.Ordinal);
            var headings = string.Join(" ", pdf.Words.Where(w => w.Page == page && Math.Abs(w.Bottom - description.Bottom) < 1).Select(w => w.Text));
            Assert.Equal("Item Description Qty Unit price Amount", headings);
            Assert.True(pdf.Words.Where(w => w.Page == page && w.Text.StartsWith("part", StringComparison.Ordinal)).All(w => w.Top < description.Bottom), $"page {page}: a line above the headings");
        }
    }

    [Fact]
    public void The_first_page_of_several_says_page_1_of_y_and_a_one_page_invoice_has_no_page_number()
    {
        var several = Print(Invoice(Eighty));
        var one = Print(Invoice([Line("Hours", "Design work")]));

        Assert.Contains($"Page 1 of {several.Pages}", several.Text(1), StringComparison.Ordinal);
        Assert.Equal(1, one.Pages);
        Assert.DoesNotContain("Page", one.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_quote_names_itself_on_each_page()
    {
        var pdf = Print(Invoice(Eighty, status: InvoiceStatuses.QuoteSent, number: "Q-77"));

        for (var page = 2; page <= pdf.Pages; page++)
        {
            Assert.Contains($"Quote Q-77", pdf.Text(page), StringComparison.Ordinal);
            Assert.Contains($"Page {page} of {pdf.Pages}", pdf.Text(page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_long_company_name_in_the_running_header_is_printed_whole_above_the_headings()
    {
        const string company = "Conseillers en Stratégie Numérique Côté, Bélanger et Associés de la Grande Région de Montréal S.E.N.C.";
        var pdf = Print(Invoice(Eighty), Profile(company));

        var description = pdf.First(2, "Description");
        var top = pdf.Words.Where(w => w.Page == 2 && w.Bottom > description.Top && w.Right < 400);
        Assert.Equal(PrintedPdf.Squeezed(company), PrintedPdf.Squeezed(string.Concat(top.Select(w => w.Text))));
        Assert.All(pdf.Words, w => Assert.True(w.Left >= 47 && w.Right <= 565, $"\"{w.Text}\" on page {w.Page} runs from x {w.Left:0} to {w.Right:0}"));
    }
}
