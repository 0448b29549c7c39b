using BillingBooks.Books.Accounts;
using BillingBooks.Books.Customers;

namespace BillingBooks.Books.Journals;

public enum PaymentMethod
{
    Cash,
    Cheque,
    CreditCard,
    Other,
}

/// <summary>Part of a receipt applied to one invoice (identified by the invoice's entry), in the invoice's currency.</summary>
public sealed record ReceiptAllocation(EntryId Invoice, Money.Money Amount);

/// <summary>
/// A receipt to post. Amount (in the invoices' currency) must equal the sum of the allocations. Reference = cheque
/// number or other reference. CreditCard = the Credit Cards Accepted name when Method is CreditCard. DepositAccount
/// null = the Principal Bank linked account (cards always deposit to the card's account). ExchangeRate null = the
/// company's rate for the date.
/// </summary>
public sealed record ReceiptDraft(
    CustomerId Customer,
    DateOnly Date,
    Money.Money Amount,
    PaymentMethod Method,
    IReadOnlyList<ReceiptAllocation> Allocations,
    string? Reference = null,
    string? CreditCard = null,
    AccountNumber? DepositAccount = null,
    decimal? ExchangeRate = null,
    string? Memo = null);

/// <summary>A posted receipt. Fee is the card fee (in the receipt's currency), zero otherwise.</summary>
public sealed record Receipt(
    EntryId Entry,
    CustomerId Customer,
    DateOnly Date,
    Money.Money Amount,
    decimal Rate,
    PaymentMethod Method,
    string? Reference,
    string? CreditCard,
    AccountNumber DepositAccount,
    Money.Money Fee,
    IReadOnlyList<ReceiptAllocation> Allocations,
    bool Reversed);
