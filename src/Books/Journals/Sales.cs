using BillingBooks.Books.Accounts;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Taxes;
using BillingBooks.Money;

namespace BillingBooks.Books.Journals;

/// <summary>
/// A sale line. Amount is in the invoice's currency. TaxCode null = the customer's default code ("" = no tax);
/// RevenueAccount null = the customer's default revenue account, else the Default Revenue linked account.
/// </summary>
public sealed record SaleLine(string Description, Money.Money Amount, string? TaxCode = null, AccountNumber? RevenueAccount = null);

/// <summary>
/// A sales invoice to post. Currency null = the customer's currency. ExchangeRate null = the company's rate for the
/// date (home units per 1 foreign unit). Taxes null = computed from the lines' tax codes; given = posted as they are
/// (the sync posts Billing's amounts, never recomputed). DueDate null = date + the customer's terms.
/// </summary>
public sealed record SaleDraft(
    CustomerId Customer,
    string Number,
    DateOnly Date,
    IReadOnlyList<SaleLine> Lines,
    DateOnly? DueDate = null,
    Currency? Currency = null,
    decimal? ExchangeRate = null,
    IReadOnlyList<TaxAmount>? Taxes = null,
    string? Memo = null);

/// <summary>A posted sales invoice. Amounts in its currency, except the Home* ones.</summary>
public sealed record Invoice(
    EntryId Entry,
    CustomerId Customer,
    string Number,
    DateOnly Date,
    DateOnly DueDate,
    Currency Currency,
    decimal Rate,
    IReadOnlyList<InvoiceLine> Lines,
    IReadOnlyList<TaxAmount> Taxes,
    Money.Money Subtotal,
    Money.Money Total,
    Money.Money Owing,
    Money.Money HomeTotal,
    Money.Money HomeOwing,
    bool Reversed);

/// <summary>A line as posted: the tax code and revenue account actually used.</summary>
public sealed record InvoiceLine(string Description, Money.Money Amount, string TaxCode, AccountNumber RevenueAccount);

/// <summary>An invoice as a receipt allocated to it sees it: whose, which, when, and what is still owed.</summary>
internal sealed record InvoiceBalance(CustomerId Customer, string Number, DateOnly Date, Currency Currency, Money.Money Owing, Money.Money HomeOwing, bool Reversed);
