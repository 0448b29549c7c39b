using System.Globalization;

namespace BillingBooks.Money;

/// <summary>
/// An amount in one currency, always exact to that currency's minor unit (no fractions of a cent).
/// Arithmetic across currencies throws <see cref="CurrencyMismatchException"/>: that is always a bug,
/// callers convert first. Values that need more precision (a tax before rounding) stay plain decimals
/// until <see cref="Round"/> turns them into Money, the one place rounding happens.
/// </summary>
public readonly struct Money : IEquatable<Money>, IComparable<Money>
{
    private readonly Currency? _currency;

    private Money(decimal amount, Currency currency)
    {
        Amount = amount;
        _currency = currency;
    }

    /// <summary>The amount in major units (dollars), with exactly the currency's decimals or fewer.</summary>
    public decimal Amount { get; }

    public Currency Currency => _currency ?? throw new InvalidOperationException("default(Money) has no currency; create Money with Money.Of or Money.Zero.");

    public long MinorUnits => checked((long)(Amount * Currency.Scale));

    public bool IsZero => Amount == 0m;

    public bool IsNegative => Amount < 0m;

    public bool IsPositive => Amount > 0m;

    public static Money Zero(Currency currency) => new(0m, currency ?? throw new ArgumentNullException(nameof(currency)));

    /// <summary>An exact amount. Throws when it has more decimals than the currency allows: round first.</summary>
    public static Money Of(decimal amount, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (!FitsMinorUnits(amount, currency))
        {
            throw new ArgumentException($"{amount.ToString(CultureInfo.InvariantCulture)} has more than {currency.MinorUnits} decimals for {currency.Code}; round it with Money.Round first.", nameof(amount));
        }

        return new Money(Normalize(amount, currency), currency);
    }

    public static Money FromMinorUnits(long minorUnits, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return new Money(Normalize((decimal)minorUnits / currency.Scale, currency), currency);
    }

    /// <summary>
    /// The only rounding in BillingBooks: to the currency's minor unit with an explicit midpoint rule.
    /// Invoices use <see cref="MidpointRounding.AwayFromZero"/> (SPEC 1.4).
    /// </summary>
    public static Money Round(decimal amount, Currency currency, MidpointRounding mode)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return new Money(Normalize(decimal.Round(amount, currency.MinorUnits, mode), currency), currency);
    }

    /// <summary>True when <paramref name="amount"/> needs no rounding in <paramref name="currency"/>.</summary>
    public static bool FitsMinorUnits(decimal amount, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return decimal.Round(amount, currency.MinorUnits) == amount;
    }

    /// <summary>This amount times a factor (quantity, rate, exchange rate), rounded once with <paramref name="mode"/>.</summary>
    public Money Multiply(decimal factor, MidpointRounding mode) => Round(Amount * factor, Currency, mode);

    /// <summary>This amount in another currency at <paramref name="rate"/> (units of target per unit of this), rounded once.</summary>
    public Money ConvertTo(Currency target, decimal rate, MidpointRounding mode) => Round(Amount * rate, target, mode);

    public Money Negate() => new(-Amount, Currency);

    public Money Abs() => new(Math.Abs(Amount), Currency);

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, SameCurrency(left, right));

    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, SameCurrency(left, right));

    public static Money operator -(Money value) => value.Negate();

    public static Money Add(Money left, Money right) => left + right;

    public static Money Subtract(Money left, Money right) => left - right;

    public static Money Sum(IEnumerable<Money> values, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(values);
        var total = Zero(currency);
        foreach (var value in values)
        {
            total += value;
        }

        return total;
    }

    public static Money Min(Money left, Money right) => left <= right ? left : right;

    public static Money Max(Money left, Money right) => left >= right ? left : right;

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public static bool operator ==(Money left, Money right) => left.Equals(right);

    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    public int CompareTo(Money other)
    {
        SameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    public bool Equals(Money other) => Amount == other.Amount && _currency == other._currency;

    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Amount, _currency);

    /// <summary>Invariant, with all the currency's decimals and the code: "1234.50 CAD". For logs and messages.</summary>
    public override string ToString() => _currency is null ? "(no currency)" : $"{ToDecimalString()} {Currency.Code}";

    /// <summary>Invariant digits with exactly the currency's decimals: "1234.50", "-3", "0.125". The JSON and CSV form.</summary>
    public string ToDecimalString() => Amount.ToString("F" + Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Grouped digits in <paramref name="culture"/> with the currency's decimals: "1,234.50" (en-CA), "1 234,50" (fr-CA).</summary>
    public string Format(IFormatProvider culture) => Amount.ToString("N" + Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), culture);

    /// <summary>
    /// Parses what a person or a feed typed, in <paramref name="culture"/>. Refuses (with a reason) text that is
    /// not a number, and amounts with more decimals than the currency has: "1.005" is not a CAD amount.
    /// </summary>
    public static bool TryParse(string? text, Currency currency, IFormatProvider culture, out Money money, out string? error)
    {
        ArgumentNullException.ThrowIfNull(currency);
        money = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "an amount is required";
            return false;
        }

        // No group separators: "1,00" or "12,50" typed with a decimal comma would otherwise be read as 100 and 1250.
        const NumberStyles styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        if (!decimal.TryParse(text, styles, culture, out var amount))
        {
            var example = currency.MinorUnits == 0 ? "1234" : "1234." + "5678901234"[..currency.MinorUnits];
            error = $"'{text}' is not an amount (write it like {example}: use '{NumberFormatInfo.GetInstance(culture).NumberDecimalSeparator}' for decimals and no thousands separators)";
            return false;
        }

        if (!FitsMinorUnits(amount, currency))
        {
            error = currency.MinorUnits == 0
                ? $"{currency.Code} amounts have no decimals ('{text}')"
                : $"{currency.Code} amounts have at most {currency.MinorUnits} decimals ('{text}')";
            return false;
        }

        money = new Money(Normalize(amount, currency), currency);
        error = null;
        return true;
    }

    /// <summary>Invariant parse of stored or wire text; throws on bad input, which there is a bug.</summary>
    public static Money Parse(string text, Currency currency) =>
        TryParse(text, currency, CultureInfo.InvariantCulture, out var money, out var error)
            ? money
            : throw new FormatException(error);

    private static Currency SameCurrency(Money left, Money right)
    {
        var a = left.Currency;
        var b = right.Currency;
        return a == b ? a : throw new CurrencyMismatchException(a, b);
    }

    // Give every value the currency's scale so 1.5m and 1.50m print and hash alike.
    private static decimal Normalize(decimal amount, Currency currency) =>
        decimal.Round(amount, currency.MinorUnits) + (currency.MinorUnits == 0 ? 0m : new decimal(0, 0, 0, false, (byte)currency.MinorUnits));
}
