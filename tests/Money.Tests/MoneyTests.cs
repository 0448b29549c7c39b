using System.Globalization;
using System.Text.Json;
using BillingBooks.Money;

namespace BillingBooks.Money.Tests;

public class MoneyTests
{
    [Fact]
    public void Mixing_currencies_throws()
    {
        var cad = Money.Of(1m, Currency.CAD);
        var usd = Money.Of(1m, Currency.USD);
        Assert.Throws<CurrencyMismatchException>(() => cad + usd);
        Assert.Throws<CurrencyMismatchException>(() => cad - usd);
        Assert.Throws<CurrencyMismatchException>(() => cad < usd);
        Assert.NotEqual(cad, usd);
    }

    [Fact]
    public void Default_money_has_no_currency_and_says_so()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => default(Money).Currency);
        Assert.Contains("Money.Of", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.125", "CAD", MidpointRounding.AwayFromZero, "0.13")]
    [InlineData("-0.125", "CAD", MidpointRounding.AwayFromZero, "-0.13")]
    [InlineData("0.125", "CAD", MidpointRounding.ToEven, "0.12")]
    [InlineData("2.5", "JPY", MidpointRounding.AwayFromZero, "3")]
    [InlineData("1.2345", "BHD", MidpointRounding.AwayFromZero, "1.235")]
    [InlineData("7", "BHD", MidpointRounding.AwayFromZero, "7.000")]
    public void Rounds_to_the_currency_minor_unit_with_the_given_midpoint_rule(string amount, string code, MidpointRounding mode, string expected) =>
        Assert.Equal(expected, Money.Round(decimal.Parse(amount, CultureInfo.InvariantCulture), Currency.Get(code), mode).ToDecimalString());

    [Theory]
    [InlineData("1.005", "CAD", "CAD amounts have at most 2 decimals")]
    [InlineData("1.5", "JPY", "JPY amounts have no decimals")]
    [InlineData("1.2345", "BHD", "BHD amounts have at most 3 decimals")]
    [InlineData("abc", "CAD", "'abc' is not an amount")]
    [InlineData("", "CAD", "an amount is required")]
    [InlineData("1e5", "CAD", "is not an amount")]
    public void Parsing_refuses_text_that_is_not_an_amount_of_the_currency(string text, string code, string message)
    {
        Assert.False(Money.TryParse(text, Currency.Get(code), CultureInfo.InvariantCulture, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,00", "CAD", "write it like 1234.56")]
    [InlineData("12,50", "CAD", "use '.' for decimals and no thousands separators")]
    [InlineData("1,234.56", "CAD", "no thousands separators")]
    [InlineData("1,500", "JPY", "write it like 1234:")]
    [InlineData("abc", "BHD", "write it like 1234.567")]
    public void Parsing_refuses_separators_that_could_mean_a_decimal_comma(string text, string code, string message)
    {
        // "1,00" read as one hundred (a thousands separator) would post a hundred times the amount typed.
        Assert.False(Money.TryParse(text, Currency.Get(code), CultureInfo.InvariantCulture, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parsing_and_formatting_follow_the_given_culture()
    {
        var french = CultureInfo.GetCultureInfo("fr-CA");
        Assert.True(Money.TryParse("1234,50", Currency.CAD, french, out var m, out _));
        Assert.False(Money.TryParse("1 234,50", Currency.CAD, french, out _, out _) || Money.TryParse("1\u00a0234,50", Currency.CAD, french, out _, out _));
        Assert.Equal(1234.50m, m.Amount);
        Assert.Equal("1,234.50", m.Format(CultureInfo.GetCultureInfo("en-CA")));
        Assert.Equal("1234.50 CAD", m.ToString());
        Assert.Equal("1,235", Money.Of(1235m, Currency.JPY).Format(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Of_refuses_an_amount_that_needs_rounding() =>
        Assert.Throws<ArgumentException>(() => Money.Of(0.001m, Currency.CAD));

    [Fact]
    public void Equal_amounts_written_with_different_scales_are_equal_and_print_alike()
    {
        var a = Money.Of(1.5m, Currency.CAD);
        var b = Money.Of(1.500m, Currency.CAD);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("1.50", b.ToDecimalString());
    }

    [Fact]
    public void Currency_table_knows_iso_4217_minor_units()
    {
        Assert.True(Currency.All.Count >= 150);
        Assert.Equal(2, Currency.Get("cad").MinorUnits);
        Assert.Equal(0, Currency.Get("KRW").MinorUnits);
        Assert.Equal(3, Currency.Get("KWD").MinorUnits);
        Assert.False(Currency.TryGet("ABC", out _));
        Assert.False(Currency.TryGet("CA", out _));
        Assert.False(Currency.TryGet(null, out _));
    }

    [Fact]
    public void Split_is_even_to_the_minor_unit()
    {
        var parts = Allocation.Split(Money.Of(100m, Currency.CAD), 3);
        Assert.Equal(["33.34", "33.33", "33.33"], parts.Select(p => p.ToDecimalString()));
        var negative = Allocation.Split(Money.Of(-0.05m, Currency.CAD), 2);
        Assert.Equal(["-0.03", "-0.02"], negative.Select(p => p.ToDecimalString()));
    }

    [Fact]
    public void Json_carries_the_amount_as_a_string()
    {
        var options = new JsonSerializerOptions { Converters = { new MoneyJsonConverter() } };
        var json = JsonSerializer.Serialize(Money.Of(12.3m, Currency.CAD), options);
        Assert.Equal("{\"amount\":\"12.30\",\"currency\":\"CAD\"}", json);
        Assert.Equal(Money.Of(12.3m, Currency.CAD), JsonSerializer.Deserialize<Money>(json, options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Money>("{\"amount\":\"1.001\",\"currency\":\"CAD\"}", options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Money>("{\"amount\":\"1\",\"currency\":\"XYZ\"}", options));
    }
}
