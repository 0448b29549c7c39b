using BillingBooks.Billing.Contracts;
using static BillingBooks.Billing.Tests.Pdf.Samples;

namespace BillingBooks.Billing.Tests.Pdf;

/// <summary>
/// Nothing the customer typed is cut off: long descriptions, units, names, addresses and comments wrap within their
/// column over several lines, and rows that no longer fit move to the next page whole.
/// </summary>
public class InvoicePdfWrappingTests
{
    private const double Margin = 48;
    private const double PageWidth = 612;

    private const string LongDescription =
        "Website redesign, phase 2: checkout page and payment flow, with an accessibility review, three rounds of revisions and the handover notes for the support team";

    [Fact]
    public void A_long_description_and_unit_wrap_within_their_columns_and_are_printed_whole()
    {
        var pdf = Print(Invoice([Line("Senior architect hours, on site in Halifax", LongDescription, "12.5", "140"), Line("Hosting", "Monthly hosting")]));

        var description = pdf.First(1, "Description");
        var quantity = pdf.First(1, "Qty");
        Assert.DoesNotContain("…", pdf.AllText(), StringComparison.Ordinal);
        Assert.Contains(PrintedPdf.Squeezed(LongDescription + "Monthly hosting"), PrintedPdf.Squeezed(string.Concat(pdf.Column(description.Left, quantity.Left - 1, description).Select(w => w.Text))), StringComparison.Ordinal);
        Assert.Contains(PrintedPdf.Squeezed("Senior architect hours, on site in Halifax" + "Hosting"), PrintedPdf.Squeezed(string.Concat(pdf.Column(Margin, description.Left - 1, description).Select(w => w.Text))), StringComparison.Ordinal);
        Assert.True(pdf.Column(description.Left, quantity.Left - 1, description).Count(w => w.Text == "Website" || w.Text == "team") == 2, "the description's first and last words are in its column");
        AllWithinMargins(pdf);
    }

    [Fact]
    public void A_word_longer_than_its_column_is_broken_inside_the_column()
    {
        var link = "https://example.com/projects/website-redesign/phase-2/checkout/payment-flow/accessibility-review";
        var pdf = Print(Invoice([Line("Item", "See " + link)]));

        var description = pdf.First(1, "Description");
        var quantity = pdf.First(1, "Qty");
        Assert.Equal(PrintedPdf.Squeezed("See" + link), PrintedPdf.Squeezed(string.Concat(pdf.Column(description.Left, quantity.Left - 1, description).Where(w => w.Text != "Description").Select(w => w.Text))));
        AllWithinMargins(pdf);
    }

    [Fact]
    public void Long_names_addresses_and_comments_are_printed_whole_within_the_margins()
    {
        const string company = "Conseillers en Stratégie Numérique Côté, Bélanger et Associés de la Grande Région de Montréal S.E.N.C.";
        const string name = "Établissements Côté-Saint-Luc Fournitures de Bureau et Papeterie Générale Limitée (Division des Achats)";
        const string street = "Bureau 1204, Édifice Jean-Baptiste-Meilleur, 1800 boulevard René-Lévesque Ouest, porte arrière";
        var comments = string.Join(" ", Enumerable.Repeat("Merci de votre confiance: paiement par virement à 30 jours, en indiquant le numéro de facture.", 8));
        var profile = Profile(company);
        var customer = Customer(name, new Address(street, null, "Montréal", "QC", "H3H 1R4", "Canada"));

        var pdf = Print(Invoice([Line("Heures", "Atelier de stratégie")], comments: comments, description: "Mandat " + comments), profile, customer);

        foreach (var whole in new[] { company, name, street, comments, "Mandat " + comments })
        {
            Assert.Contains(PrintedPdf.Squeezed(whole), pdf.Drawn, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("…", pdf.AllText(), StringComparison.Ordinal);
        AllWithinMargins(pdf);
    }

    [Fact]
    public void Eighty_long_lines_go_over_several_pages_each_row_whole_on_one_page_above_the_bottom_margin()
    {
        var lines = Enumerable.Range(1, 80).Select(i => Line("Unit " + i, $"#{i} {LongDescription} end{i}", "1", "25")).ToArray();

        var pdf = Print(Invoice(lines));

        Assert.True(pdf.Pages >= 4, $"{pdf.Pages} pages for 80 rows of four lines each");
        var description = pdf.First(1, "Description");
        var quantity = pdf.First(1, "Qty");
        var column = pdf.Column(description.Left, quantity.Left - 1, description).Where(w => w.Text != "Description").ToArray();
        Assert.Equal(PrintedPdf.Squeezed(string.Concat(lines.Select(l => l.Description))), PrintedPdf.Squeezed(string.Concat(column.Select(w => w.Text))));
        for (var i = 1; i <= 80; i++)
        {
            Assert.Equal(column.Single(w => w.Text == $"#{i}").Page, column.Single(w => w.Text == $"end{i}").Page);
        }

        Assert.Contains("Amount owing", pdf.Text(pdf.Pages), StringComparison.Ordinal);
        AllWithinMargins(pdf);
    }

    [Fact]
    public void A_description_longer_than_a_page_continues_on_the_next_page_whole()
    {
        var huge = string.Join(" ", Enumerable.Range(1, 450).Select(i => "w" + i)) + " done";
        var pdf = Print(Invoice([Line("Item", "First line"), Line("Report", huge), Line("Item", "Last line")]));

        Assert.True(pdf.Pages >= 2, $"{pdf.Pages} page(s)");
        var description = pdf.First(1, "Description");
        var quantity = pdf.First(1, "Qty");
        var column = pdf.Column(description.Left, quantity.Left - 1, description).Where(w => w.Text != "Description");
        Assert.Equal(PrintedPdf.Squeezed("First line" + huge + "Last line"), PrintedPdf.Squeezed(string.Concat(column.Select(w => w.Text))));
        AllWithinMargins(pdf);
    }

    /// <summary>Every word is inside the page's margins, but for the page number under the bottom margin.</summary>
    private static void AllWithinMargins(PrintedPdf pdf)
    {
        foreach (var word in pdf.Words)
        {
            Assert.True(word.Left >= Margin - 1 && word.Right <= PageWidth - Margin + 1, $"\"{word.Text}\" on page {word.Page} runs from x {word.Left:0} to {word.Right:0}, past the side margins");
            Assert.True(word.Top <= pdf.PageHeight - Margin + 1, $"\"{word.Text}\" on page {word.Page} is above the top margin");
            Assert.True(word.Bottom >= Margin - 3 || IsPageNumber(word), $"\"{word.Text}\" on page {word.Page} is below the bottom margin (y {word.Bottom:0})");
        }
    }

    private static bool IsPageNumber(PrintedWord word) => word.Size < 9 && word.Bottom < Margin;
}
