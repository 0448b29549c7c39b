using System.Globalization;
using BillingBooks.Books.Accounts;
using BillingBooks.Money;

namespace BillingBooks.Books.Customers;

public readonly record struct CustomerId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// A customer (SPEC 2.1, 3.3). <see cref="ExternalReference"/> is the Billing id the sync imported it from (unique);
/// <see cref="DeletedInBilling"/> marks one Billing no longer has (it stays in Books).
/// </summary>
public sealed record Customer(
    CustomerId Id,
    string Name,
    string? Contact,
    string? Address,
    string? Email,
    string? Phone,
    AccountNumber? RevenueAccount,
    string? TaxCode,
    Currency Currency,
    int TermsDays,
    bool Active,
    string? ExternalReference,
    bool DeletedInBilling);

/// <summary>What is typed to add or change a customer. Currency null = home currency; TaxCode null = none set.</summary>
public sealed record CustomerFields(
    string Name,
    string? Contact = null,
    string? Address = null,
    string? Email = null,
    string? Phone = null,
    AccountNumber? RevenueAccount = null,
    string? TaxCode = null,
    Currency? Currency = null,
    int TermsDays = 30,
    string? ExternalReference = null);
