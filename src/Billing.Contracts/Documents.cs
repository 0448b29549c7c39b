namespace BillingBooks.Billing.Contracts;

public sealed record Address(
    string? Line1,
    string? Line2,
    string? City,
    string? Province,
    string? PostalCode,
    string? Country);

public sealed record ContactDocument(string? FirstName, string? LastName, string? Email, string? Phone, bool IsDefault);

/// <summary>A customer as the feed shows it.</summary>
public sealed record CustomerDocument(
    string Id,
    string Name,
    Address Address,
    string? Phone,
    string? Fax,
    string? Website,
    string? Language,
    string Currency,
    IReadOnlyList<ContactDocument> Contacts);

/// <summary>
/// A sent invoice as the feed shows it. Taxes are those copied onto the invoice when it was made; amounts are
/// exactly as Billing computed them (Books posts them as they are, never recomputes).
/// </summary>
/// <param name="Status">See <see cref="InvoiceStatuses"/>.</param>
/// <param name="Subtotal">Sum of line amounts before discount.</param>
/// <param name="Discount">The discount amount taken off the subtotal (0 when none).</param>
/// <param name="Total">Subtotal - discount + taxes.</param>
public sealed record InvoiceDocument(
    string Id,
    string CustomerId,
    string Number,
    DateOnly Date,
    DateOnly DueDate,
    string? Reference,
    string? Description,
    string Currency,
    string Status,
    IReadOnlyList<InvoiceLineDocument> Lines,
    IReadOnlyList<InvoiceTaxDocument> Taxes,
    string Subtotal,
    string Discount,
    string Total,
    string Paid,
    string Owing);

/// <param name="Amount">Quantity x unit price, rounded to the currency.</param>
/// <param name="DiscountedAmount">Amount less this line's share of the invoice discount.</param>
/// <param name="Taxes">Names of the invoice taxes ticked on this line.</param>
public sealed record InvoiceLineDocument(
    int Position,
    string? Unit,
    string? Description,
    string Quantity,
    string UnitPrice,
    string Amount,
    string DiscountedAmount,
    IReadOnlyList<string> Taxes);

/// <param name="Rate">Percent, e.g. "9.975".</param>
/// <param name="ChargedOn">Name of the tax this one is also charged on (compound tax), else null.</param>
/// <param name="Amount">This tax on the invoice, rounded once to the currency.</param>
public sealed record InvoiceTaxDocument(string Name, string Rate, string? ChargedOn, string Amount);

/// <param name="Method">See <see cref="PaymentMethods"/>.</param>
/// <param name="CardBrand">For credit cards: see <see cref="CardBrands"/>.</param>
public sealed record PaymentDocument(
    string Id,
    string CustomerId,
    DateOnly Date,
    string Amount,
    string Currency,
    string Method,
    string? CardBrand,
    string? ChequeNumber,
    string? Reference,
    IReadOnlyList<PaymentApplicationDocument> Applications);

public sealed record PaymentApplicationDocument(string InvoiceId, string Amount);

public static class InvoiceStatuses
{
    public const string Draft = "draft";
    public const string Sent = "sent";
    public const string Changed = "changed";
    public const string PartlyPaid = "partly_paid";
    public const string Paid = "paid";
    public const string Void = "void";
    public const string QuoteDraft = "quote_draft";
    public const string QuoteSent = "quote_sent";
}

public static class PaymentMethods
{
    public const string Cash = "cash";
    public const string Cheque = "cheque";
    public const string CreditCard = "credit_card";
    public const string PayPal = "paypal";
    public const string Other = "other";
}

public static class CardBrands
{
    public const string Visa = "visa";
    public const string Master = "master";
    public const string AmericanExpress = "american_express";
    public const string Discover = "discover";
    public const string DinersClub = "diners_club";
    public const string Jcb = "jcb";
}
