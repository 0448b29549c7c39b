using System.Globalization;

namespace BillingBooks.Books.Accounts;

/// <summary>A 4-digit account number: 1xxx assets, 2xxx liabilities, 3xxx equity, 4xxx revenue, 5xxx-9xxx expenses.</summary>
public readonly record struct AccountNumber(int Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public enum AccountType
{
    Asset,
    Liability,
    Equity,
    Revenue,
    Expense,
}

public sealed record Account(AccountNumber Number, string Name, AccountType Type, bool Active)
{
    /// <summary>Assets and expenses grow with debits; the others with credits.</summary>
    public bool IsDebitNormal => Type is AccountType.Asset or AccountType.Expense;
}
