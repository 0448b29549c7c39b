using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Invoices;
using PdfSharp.Drawing;

namespace BillingBooks.Billing.Pdf;

/// <summary>
/// What a document calls itself, by kind and status, and the mark across its pages: a draft or a void invoice must
/// never pass for one that is owed (its "Amount owing" alone does not say so).
/// </summary>
/// <param name="Noun">"Invoice" or "Quote", as in "Invoice # 12".</param>
/// <param name="Heading">The title at the top right, e.g. "DRAFT INVOICE".</param>
/// <param name="Mark">The word across every page, or null for an issued document.</param>
internal sealed record DocumentTitle(string Noun, string Heading, string? Mark)
{
    public static DocumentTitle For(InvoiceResponse invoice) => (invoice.Kind, invoice.Status) switch
    {
        (InvoiceKinds.Quote, InvoiceStatuses.QuoteDraft) => new("Quote", "DRAFT QUOTE", "DRAFT"),
        (InvoiceKinds.Quote, _) => new("Quote", "QUOTE", null),
        (_, InvoiceStatuses.Draft) => new("Invoice", "DRAFT INVOICE", "DRAFT"),
        (_, InvoiceStatuses.Void) => new("Invoice", "INVOICE (VOID)", "VOID"),
        _ => new("Invoice", "INVOICE", null),
    };

    /// <summary>Light enough to read the page through: red for void, grey for a draft.</summary>
    public XColor MarkColor => Mark == "VOID" ? XColor.FromArgb(56, 200, 0, 0) : XColor.FromArgb(40, 0, 0, 0);
}
