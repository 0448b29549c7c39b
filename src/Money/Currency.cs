using System.Diagnostics.CodeAnalysis;

namespace BillingBooks.Money;

/// <summary>An ISO 4217 currency: its code and how many decimals (minor units) its amounts carry.</summary>
public sealed class Currency : IEquatable<Currency>
{
    private Currency(string code, int minorUnits, string name)
    {
        Code = code;
        MinorUnits = minorUnits;
        Name = name;
        Scale = Pow10(minorUnits);
    }

    /// <summary>Three upper-case letters, e.g. "CAD".</summary>
    public string Code { get; }

    /// <summary>Digits after the decimal point: 2 for CAD, 0 for JPY, 3 for BHD.</summary>
    public int MinorUnits { get; }

    public string Name { get; }

    /// <summary>10^MinorUnits: how many minor units make one major unit.</summary>
    public long Scale { get; }

    public static Currency CAD => CurrencyTable.ByCode["CAD"];
    public static Currency USD => CurrencyTable.ByCode["USD"];
    public static Currency EUR => CurrencyTable.ByCode["EUR"];
    public static Currency JPY => CurrencyTable.ByCode["JPY"];
    public static Currency BHD => CurrencyTable.ByCode["BHD"];

    public static IReadOnlyCollection<Currency> All => CurrencyTable.ByCode.Values;

    /// <summary>Looks a code up, case-insensitively; false for anything that is not an ISO 4217 code.</summary>
    public static bool TryGet(string? code, [NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        return code is { Length: 3 } && CurrencyTable.ByCode.TryGetValue(code, out currency);
    }

    /// <summary>For codes already validated (stored data, constants). Throws on an unknown code: that is a bug.</summary>
    public static Currency Get(string code) =>
        TryGet(code, out var currency)
            ? currency
            : throw new ArgumentException($"'{code}' is not an ISO 4217 currency code.", nameof(code));

    public bool Equals(Currency? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Currency);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    public override string ToString() => Code;

    public static bool operator ==(Currency? left, Currency? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Currency? left, Currency? right) => !(left == right);

    internal static Currency Create(string code, int minorUnits, string name) => new(code, minorUnits, name);

    private static long Pow10(int n)
    {
        long result = 1;
        for (var i = 0; i < n; i++)
        {
            result *= 10;
        }

        return result;
    }
}
