using BillingBooks.Billing.Contracts;

namespace BillingBooks.Books.Sync.Mapping;

/// <summary>A Billing customer as Books keeps it (Billing is the source of truth: every import overwrites).</summary>
public sealed record CustomerDraft(SourceRef Source, string Name, CustomerDocument Document, bool DeletedInBilling);

/// <summary>
/// A sales invoice to post: Dr receivable (total), Cr revenue per line (discounted amount), Cr each tax as
/// Billing computed it. Amounts are in the invoice currency; <see cref="ExchangeRate"/> is Books' rate for
/// the date (1 in the home currency).
/// </summary>
public sealed record BillingSale(
    SourceRef Source,
    string CustomerId,
    string Number,
    DateOnly Date,
    DateOnly DueDate,
    string Currency,
    decimal ExchangeRate,
    IReadOnlyList<BillingSaleLine> Lines,
    IReadOnlyList<BillingTax> Taxes,
    Money.Money Total,
    string? Description);

public sealed record BillingSaleLine(string Description, Money.Money Amount, string TaxCode, int RevenueAccount);

public sealed record BillingTax(string Name, decimal Rate, Money.Money Amount);

/// <summary>
/// A receipt to post: the deposit is either an account (cash, cheque, PayPal, other) or a Credit Cards
/// Accepted entry by name (Books deposits to its account less its fee).
/// </summary>
public sealed record BillingReceipt(
    SourceRef Source,
    string CustomerId,
    DateOnly Date,
    Money.Money Amount,
    string Method,
    int? DepositAccount,
    string? CardName,
    decimal ExchangeRate,
    IReadOnlyList<BillingAllocation> Allocations,
    string? Reference);

public sealed record BillingAllocation(string InvoiceId, Money.Money Amount);
