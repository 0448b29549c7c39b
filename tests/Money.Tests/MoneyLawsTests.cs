using BillingBooks.Money;
using CsCheck;

namespace BillingBooks.Money.Tests;

public class MoneyLawsTests
{
    private static readonly Gen<Currency> AnyCurrency = Gen.OneOf(Currency.CAD, Currency.USD, Currency.JPY, Currency.BHD, Currency.Get("CLF"));

    private static Gen<Money> AnyMoneyIn(Currency currency) =>
        Gen.Long[-100_000_000_000L, 100_000_000_000L].Select(units => Money.FromMinorUnits(units, currency));

    private static readonly Gen<(Money A, Money B, Money C)> ThreeSameCurrency =
        AnyCurrency.SelectMany(c => Gen.Select(AnyMoneyIn(c), AnyMoneyIn(c), AnyMoneyIn(c)));

    [Fact]
    public void Addition_is_commutative_and_associative_and_subtraction_undoes_it() =>
        ThreeSameCurrency.Sample(t =>
        {
            Assert.Equal(t.A + t.B, t.B + t.A);
            Assert.Equal((t.A + t.B) + t.C, t.A + (t.B + t.C));
            Assert.Equal(t.A, t.A + t.B - t.B);
            Assert.Equal(Money.Zero(t.A.Currency), t.A + t.A.Negate());
        });

    [Fact]
    public void Minor_units_round_trip() =>
        AnyCurrency.SelectMany(c => Gen.Long[-100_000_000_000L, 100_000_000_000L].Select(u => (c, u))).Sample(x =>
            Assert.Equal(x.u, Money.FromMinorUnits(x.u, x.c).MinorUnits));

    [Fact]
    public void Decimal_string_round_trips_and_has_exactly_the_currency_decimals() =>
        AnyCurrency.SelectMany(AnyMoneyIn).Sample(m =>
        {
            var text = m.ToDecimalString();
            Assert.Equal(m, Money.Parse(text, m.Currency));
            var decimals = text.Contains('.', StringComparison.Ordinal) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
            Assert.Equal(m.Currency.MinorUnits, decimals);
        });

    [Fact]
    public void Rounding_is_idempotent_fits_the_currency_and_moves_at_most_half_a_minor_unit() =>
        Gen.Select(AnyCurrency, Gen.Decimal[-1_000_000m, 1_000_000m], Gen.OneOf(MidpointRounding.AwayFromZero, MidpointRounding.ToEven)).Sample((c, x, mode) =>
        {
            var rounded = Money.Round(x, c, mode);
            Assert.True(Money.FitsMinorUnits(rounded.Amount, c));
            Assert.Equal(rounded, Money.Round(rounded.Amount, c, mode));
            Assert.True(Math.Abs(rounded.Amount - x) <= 0.5m / c.Scale);
        });

    [Fact]
    public void Allocation_sums_exactly_and_each_part_is_within_one_minor_unit_of_its_share() =>
        Gen.Select(AnyCurrency, Gen.Long[-10_000_000_000L, 10_000_000_000L], Gen.Decimal[0m, 1000m].Array[1, 20]).Sample((c, units, weights) =>
        {
            var total = Money.FromMinorUnits(units, c);
            var parts = Allocation.Allocate(total, weights);
            Assert.Equal(weights.Length, parts.Count);
            Assert.Equal(total, Money.Sum(parts, c));
            var weightSum = weights.Sum();
            for (var i = 0; i < weights.Length; i++)
            {
                var share = weightSum == 0m ? total.Amount / weights.Length : total.Amount * (weights[i] / weightSum);
                Assert.True(Math.Abs(parts[i].Amount - share) < 1m / c.Scale, $"part {i}: {parts[i]} vs share {share}");
            }
        });

    [Fact]
    public void Comparison_agrees_with_amounts() =>
        ThreeSameCurrency.Sample(t =>
        {
            Assert.Equal(t.A.Amount < t.B.Amount, t.A < t.B);
            Assert.Equal(Math.Sign(t.A.Amount.CompareTo(t.B.Amount)), Math.Sign(t.A.CompareTo(t.B)));
        });
}
