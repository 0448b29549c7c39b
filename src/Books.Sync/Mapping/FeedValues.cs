using System.Globalization;
using BillingBooks.Books.Journals;
using BillingBooks.Money;

namespace BillingBooks.Books.Sync.Mapping;

/// <summary>
/// How the sync reads the feed's currency codes and decimal strings (amounts, rates), in one place for both the
/// check of every feed item (<see cref="Client.FeedItems"/>) and the posting rules: what the check accepts, the rules
/// read; what it refuses, a page is never applied with.
/// </summary>
public static class FeedValues
{
    /// <summary>As Billing writes decimals ("113.00", "-5", "9.975"): no exponent, no group separators, no spaces.</summary>
    private const NumberStyles Decimal = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>The currency of an ISO 4217 code as Billing writes it (capitals), else null.</summary>
    public static Currency? CurrencyOf(string? code) =>
        Currency.TryGet(code, out var currency) && string.Equals(currency.Code, code, StringComparison.Ordinal) ? currency : null;

    /// <summary>Why <paramref name="text"/> is not an amount Books can post in <paramref name="currency"/>, or null.</summary>
    public static string? AmountProblem(string text, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (!decimal.TryParse(text, Decimal, CultureInfo.InvariantCulture, out var value)) return "not an amount";
        if (!Money.Money.FitsMinorUnits(value, currency))
            return currency.MinorUnits == 0 ? $"{currency.Code} amounts have no decimals" : $"{currency.Code} amounts have at most {currency.MinorUnits} decimals";
        // Far beyond any invoice Billing takes; past it, converting at an exchange rate could overflow what Books adds up.
        return AmountLimit.Within(Money.Money.Of(value, currency)) ? null : $"beyond {AmountLimit.Max(currency)}, the largest amount Books keeps";
    }

    /// <summary>Why <paramref name="text"/> is not a rate ("9.975"), or null.</summary>
    public static string? RateProblem(string text) =>
        decimal.TryParse(text, Decimal, CultureInfo.InvariantCulture, out _) ? null : "not a rate";

    /// <summary>An amount of a checked feed item; anything else is a bug.</summary>
    public static Money.Money Amount(string text, Currency currency) =>
        AmountProblem(text, currency) is { } problem
            ? throw new InvalidOperationException($"Bug: '{text}' was taken for an amount in {currency.Code} ({problem}); feed items are checked first (FeedItems).")
            : Money.Money.Of(decimal.Parse(text, Decimal, CultureInfo.InvariantCulture), currency);

    /// <summary>A rate of a checked feed item; anything else is a bug.</summary>
    public static decimal Rate(string text) =>
        decimal.TryParse(text, Decimal, CultureInfo.InvariantCulture, out var rate)
            ? rate
            : throw new InvalidOperationException($"Bug: '{text}' was taken for a rate; feed items are checked first (FeedItems).");

    /// <summary>The currency of a checked feed item; anything else is a bug.</summary>
    public static Currency KnownCurrency(string code) =>
        CurrencyOf(code) ?? throw new InvalidOperationException($"Bug: '{code}' was taken for a currency code; feed items are checked first (FeedItems).");
}
