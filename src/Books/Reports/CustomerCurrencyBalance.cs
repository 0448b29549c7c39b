using BillingBooks.Money;

namespace BillingBooks.Books.Reports;

/// <summary>
/// A customer's running balance in its own currency from its Accounts Receivable postings: the foreign amounts of
/// documents in that currency (the home amounts for a home-currency customer). Documents in any other currency do
/// not add into that sum; while the customer owes anything on them there is no single balance, and Balance is null.
/// </summary>
internal sealed class CustomerCurrencyBalance(Currency customer, Currency home)
{
    private long _own;

    // Home units of the postings in other currencies: zero once those documents are paid or reversed.
    private long _other;

    public Money.Money? Balance => _other == 0 ? Money.Money.FromMinorUnits(_own, customer) : null;

    /// <param name="amount">The posting's home amount.</param>
    /// <param name="currency">The document's currency when foreign (null for home).</param>
    /// <param name="foreign">The amount in that currency.</param>
    public void Add(long amount, string? currency, long? foreign)
    {
        if (customer == home && currency is null)
        {
            _own = checked(_own + amount);
        }
        else if (currency == customer.Code && foreign is { } units)
        {
            _own = checked(_own + units);
        }
        else
        {
            _other = checked(_other + amount);
        }
    }
}
