using BillingBooks.Billing.Contracts;
using static BillingBooks.Billing.Tests.Pdf.Samples;

namespace BillingBooks.Billing.Tests.Pdf;

/// <summary>
/// A draft or a void invoice never passes for an issued one: its title says so and a large mark crosses every page.
/// A quote is titled QUOTE (DRAFT QUOTE while a draft), with no amount owing.
/// </summary>
public class InvoicePdfStatusTests
{
    private static readonly InvoiceLineDocument[] Eighty = Enumerable.Range(1, 80).Select(i => Line("Hours", "Design work, part " + i, "2", "80")).ToArray();

    [Theory]
    [InlineData(InvoiceStatuses.Sent)]
    [InlineData(InvoiceStatuses.Changed)]
    [InlineData(InvoiceStatuses.PartlyPaid)]
    [InlineData(InvoiceStatuses.Paid)]
    public void An_issued_invoice_is_titled_INVOICE_with_no_mark(string status)
    {
        var pdf = Print(Invoice([Line("Hours", "Design work")], status: status));

        Assert.Equal("INVOICE", pdf.Title);
        Assert.Equal("", pdf.Mark(1));
        Assert.DoesNotContain("DRAFT", pdf.AllText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("VOID", pdf.AllText(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Amount owing", pdf.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_void_invoice_is_titled_INVOICE_VOID_and_marked_VOID_across_every_page()
    {
        var pdf = Print(Invoice(Eighty, status: InvoiceStatuses.Void));

        Assert.True(pdf.Pages >= 2, $"{pdf.Pages} page(s)");
        Assert.Equal("INVOICE (VOID)", pdf.Title);
        for (var page = 1; page <= pdf.Pages; page++)
        {
            Assert.Equal("VOID", pdf.Mark(page));
        }
    }

    [Fact]
    public void A_draft_invoice_is_titled_DRAFT_INVOICE_and_marked_DRAFT_across_every_page()
    {
        var pdf = Print(Invoice(Eighty, status: InvoiceStatuses.Draft));

        Assert.True(pdf.Pages >= 2, $"{pdf.Pages} page(s)");
        Assert.Equal("DRAFT INVOICE", pdf.Title);
        for (var page = 1; page <= pdf.Pages; page++)
        {
            Assert.Equal("DRAFT", pdf.Mark(page));
        }
    }

    [Fact]
    public void A_sent_quote_is_titled_QUOTE_with_its_validity_no_owing_and_no_mark()
    {
        var pdf = Print(Invoice([Line("Hours", "Design work")], status: InvoiceStatuses.QuoteSent));

        Assert.Equal("QUOTE", pdf.Title);
        Assert.Equal("", pdf.Mark(1));
        var text = pdf.AllText();
        Assert.Contains("Quote # 1042", text, StringComparison.Ordinal);
        Assert.Contains("Valid until", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Amount owing", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Invoice", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_draft_quote_is_titled_DRAFT_QUOTE_and_marked_DRAFT()
    {
        var pdf = Print(Invoice([Line("Hours", "Design work")], status: InvoiceStatuses.QuoteDraft));

        Assert.Equal("DRAFT QUOTE", pdf.Title);
        Assert.Equal("DRAFT", pdf.Mark(1));
        Assert.DoesNotContain("Amount owing", pdf.AllText(), StringComparison.Ordinal);
    }
}
