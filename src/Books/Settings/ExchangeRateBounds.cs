namespace BillingBooks.Books.Settings;

/// <summary>
/// The rates Books accepts (home-currency units per 1 foreign unit). The widest real pair today is about
/// 1 Iranian rial = 0.0000073 Kuwaiti dinar (and 137,000 the other way), so anything outside 0.000001 to
/// 1,000,000 is a typo (a rate typed the wrong way round is still inside and caught by the user, not us);
/// the bound also keeps converted amounts far from overflowing.
/// </summary>
public static class ExchangeRateBounds
{
    public const decimal Lowest = 0.000001m;

    public const decimal Highest = 1_000_000m;

    public static bool Contains(decimal rate) => rate is >= Lowest and <= Highest;
}
