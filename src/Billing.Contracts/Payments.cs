namespace BillingBooks.Billing.Contracts;

/// <summary>
/// POST/PUT /api/v1/payments (SPEC 1.6). The applications must add up to the amount; each is at most what the
/// invoice owes.
/// </summary>
public sealed record PaymentRequest(
    string? CustomerId,
    DateOnly? Date,
    string? Amount,
    string? Currency,
    string? Method,
    string? CardBrand,
    string? ChequeNumber,
    string? Reference,
    IReadOnlyList<PaymentApplicationDocument>? Applications);

public sealed record PaymentList(IReadOnlyList<PaymentDocument> Items, int Offset, int Limit, int Total);
