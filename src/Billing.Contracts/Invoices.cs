namespace BillingBooks.Billing.Contracts;

/// <summary>
/// POST/PUT /api/v1/invoices and /api/v1/quotes (SPEC 1.4). Amounts, quantities and percents are strings.
/// Number: omit for the next automatic one. Taxes are copied from the customer (else the profile) when the
/// invoice is created and never change afterwards.
/// </summary>
public sealed record InvoiceRequest(
    string? CustomerId,
    string? Number,
    DateOnly? Date,
    DateOnly? DueDate,
    string? Reference,
    string? Description,
    string? Currency,
    DiscountRequest? Discount,
    string? Comments,
    string? ContactEmail,
    IReadOnlyList<InvoiceLineRequest>? Lines);

/// <param name="Kind">"percent" or "amount".</param>
public sealed record DiscountRequest(string? Kind, string? Value);

/// <param name="Taxes">Names of the invoice's taxes ticked on this line; null ticks all of them.</param>
public sealed record InvoiceLineRequest(string? Unit, string? Description, string? Quantity, string? UnitPrice, IReadOnlyList<string>? Taxes);

public sealed record InvoiceResponse(
    string Id,
    string Kind,
    string CustomerId,
    string Number,
    DateOnly Date,
    DateOnly DueDate,
    string? Reference,
    string? Description,
    string Currency,
    string Status,
    bool PastDue,
    DiscountRequest? DiscountRule,
    string? Comments,
    string? ContactEmail,
    IReadOnlyList<InvoiceLineDocument> Lines,
    IReadOnlyList<InvoiceTaxDocument> Taxes,
    string Subtotal,
    string Discount,
    string Total,
    string Paid,
    string Owing,
    int Revision,
    string? ConvertedToInvoiceId);

public sealed record InvoiceList(IReadOnlyList<InvoiceResponse> Items, int Offset, int Limit, int Total);

/// <summary>GET /api/v1/invoices/{id}/versions: earlier versions of an invoice edited after sending.</summary>
public sealed record InvoiceVersions(IReadOnlyList<InvoiceResponse> Items);
