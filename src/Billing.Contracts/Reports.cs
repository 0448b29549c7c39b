namespace BillingBooks.Billing.Contracts;

/// <summary>GET /api/v1/reports/invoices (SPEC 1.7 Invoice Report).</summary>
public sealed record InvoiceReport(IReadOnlyList<InvoiceReportRow> Rows);

public sealed record InvoiceReportRow(
    string InvoiceId,
    string Number,
    string CustomerId,
    string CustomerName,
    DateOnly Date,
    string? Reference,
    string Currency,
    string Subtotal,
    IReadOnlyList<InvoiceTaxDocument> Taxes,
    string Discount,
    string Total,
    string Paid,
    string Owing,
    string Status);

/// <summary>GET /api/v1/reports/payments (SPEC 1.7 Payment Report).</summary>
public sealed record PaymentReport(IReadOnlyList<PaymentDocument> Rows);
