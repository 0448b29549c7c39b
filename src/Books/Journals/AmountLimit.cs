using BillingBooks.Money;

namespace BillingBooks.Books.Journals;

/// <summary>
/// The largest amount Books keeps: any posting line (home or document currency), any entry's total, any account
/// balance. 10^12 minor units, i.e. 10,000,000,000.00 in a two-decimal currency - far beyond any small business.
/// Why this number: balances are sums of INTEGER minor units (SQLite SUM and C# checked long arithmetic both fail
/// on overflow, not wrap). A long holds 9.2 * 10^18, so with every line at most 10^12 over nine million postings
/// at the limit would have to land in one account before a sum could overflow - more than the biggest file we
/// plan for (a few million postings, almost none near the limit) - and every balance is itself at most 10^12, so
/// a report summing all 9,999 possible accounts stays below 10^16. Converting a document amount at the highest
/// rate (<see cref="Settings.ExchangeRateBounds.Highest"/>) stays below 10^18 minor units, inside a long.
/// Reversals are exempt: they only undo what is there, and must work on files an older Books let grow too large.
/// </summary>
public static class AmountLimit
{
    public const long MaxMinorUnits = 1_000_000_000_000;

    /// <summary>The limit in <paramref name="currency"/>.</summary>
    public static Money.Money Max(Currency currency) => Money.Money.FromMinorUnits(MaxMinorUnits, currency);

    /// <summary>Compared as a decimal, so an amount too large even for a long is refused rather than overflowing.</summary>
    public static bool Within(Money.Money amount) => Math.Abs(amount.Amount) <= (decimal)MaxMinorUnits / amount.Currency.Scale;

    /// <summary>OK, or the refusal naming <paramref name="what"/>.</summary>
    public static Result<Unit> Check(Money.Money amount, string what) =>
        Within(amount) ? Unit.Value : new AmountBeyondLimit(what, amount, Max(amount.Currency));
}
