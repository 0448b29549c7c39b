using BillingBooks.Billing.Invoices;
using BillingBooks.Money;
using CsCheck;

namespace BillingBooks.Billing.Tests.Invoices;

/// <summary>The tax corpus (SPEC 1.4), every expected amount checked by hand to the cent.</summary>
public class InvoiceCalculationTests
{
    private static readonly InvoiceTax Gst = new("GST", 5m, null);
    private static readonly InvoiceTax Hst = new("HST", 13m, null);
    private static readonly InvoiceTax Pst = new("PST", 7m, null);
    private static readonly InvoiceTax Qst = new("QST", 9.975m, null);
    private static readonly InvoiceTax QstOnGst = new("QST", 9.5m, "GST");

    private static InvoiceLine Line(decimal quantity, decimal price, params string[] taxes) => Line(Currency.CAD, quantity, price, taxes);

    private static InvoiceLine Line(Currency currency, decimal quantity, decimal price, params string[] taxes) => new(quantity, Money.Money.Of(price, currency), taxes);

    private static string[] Amounts(InvoiceTotals totals) => totals.Taxes.Select(t => t.Amount.ToDecimalString()).ToArray();

    [Fact]
    public void Ontario_hst_on_one_line()
    {
        var totals = InvoiceCalculation.Compute(Currency.CAD, [Line(3, 33.33m, "HST")], [Hst], null);
        // 99.99 x 13% = 12.9987 -> 13.00
        Assert.Equal("99.99", totals.Subtotal.ToDecimalString());
        Assert.Equal(["13.00"], Amounts(totals));
        Assert.Equal("112.99", totals.Total.ToDecimalString());
    }

    [Fact]
    public void Tax_is_rounded_once_per_invoice_not_per_line()
    {
        // Each line: 0.10 x 5% = 0.005 (would round to 0.01 each, 0.03 in all); on the sum 0.30 x 5% = 0.015 -> 0.02.
        var totals = InvoiceCalculation.Compute(Currency.CAD, [Line(1, 0.10m, "GST"), Line(1, 0.10m, "GST"), Line(1, 0.10m, "GST")], [Gst], null);
        Assert.Equal(["0.02"], Amounts(totals));
    }

    [Fact]
    public void Only_ticked_lines_count_toward_a_tax()
    {
        var totals = InvoiceCalculation.Compute(Currency.CAD, [Line(1, 100m, "GST", "PST"), Line(1, 50m, "GST"), Line(1, 20m)], [Gst, Pst], null);
        // GST on 150 = 7.50; PST on 100 = 7.00; total 170 + 14.50
        Assert.Equal(["7.50", "7.00"], Amounts(totals));
        Assert.Equal("184.50", totals.Total.ToDecimalString());
    }

    [Fact]
    public void Quebec_gst_and_qst_side_by_side()
    {
        var totals = InvoiceCalculation.Compute(Currency.CAD, [Line(1, 123.45m, "GST", "QST")], [Gst, Qst], null);
        // GST 6.1725 -> 6.17; QST 12.3141375 -> 12.31; total 141.93
        Assert.Equal(["6.17", "12.31"], Amounts(totals));
        Assert.Equal("141.93", totals.Total.ToDecimalString());
    }

    [Fact]
    public void Compound_tax_is_charged_on_the_unrounded_base_tax()
    {
        var totals = InvoiceCalculation.Compute(Currency.CAD, [Line(1, 100m, "GST", "QST")], [Gst, QstOnGst], null);
        // GST 5.00; QST 9.5% x (100 + 5) = 9.975 -> 9.98 (effective rate 9.5 x 1.05)
        Assert.Equal(["5.00", "9.98"], Amounts(totals));
        Assert.Equal("114.98", totals.Total.ToDecimalString());
    }

    [Fact]
    public void Compound_tax_adds_the_base_tax_only_on_lines_ticked_for_both()
    {
        var totals = InvoiceCalculation.Compute(Currency.CAD, [Line(1, 100m, "GST", "QST"), Line(1, 10m, "QST"), Line(1, 40m, "GST")], [Gst, QstOnGst], null);
        // GST on 140 = 7.00; QST 9.5% x (100 + 5 + 10) = 10.925 -> 10.93
        Assert.Equal(["7.00", "10.93"], Amounts(totals));
    }

    [Fact]
    public void Percent_discount_reduces_each_line_and_the_tax_base()
    {
        var totals = InvoiceCalculation.Compute(Currency.CAD, [Line(1, 19.99m, "HST"), Line(2, 5.55m, "HST")], [Hst], new PercentDiscount(15m));
        // lines 19.99 and 11.10; discounts 2.9985 -> 3.00 and 1.665 -> 1.67; discounted 16.99 + 9.43 = 26.42
        Assert.Equal("31.09", totals.Subtotal.ToDecimalString());
        Assert.Equal("4.67", totals.Discount.ToDecimalString());
        Assert.Equal(["16.99", "9.43"], totals.Lines.Select(l => l.DiscountedAmount.ToDecimalString()).ToArray());
        // HST 13% x 26.42 = 3.4346 -> 3.43; total 26.42 + 3.43
        Assert.Equal(["3.43"], Amounts(totals));
        Assert.Equal("29.85", totals.Total.ToDecimalString());
    }

    [Fact]
    public void Amount_discount_is_spread_in_proportion_and_sums_exactly()
    {
        var totals = InvoiceCalculation.Compute(Currency.CAD, [Line(1, 100m, "GST"), Line(1, 200m), Line(1, 100m, "GST")], [Gst], new AmountDiscount(Money.Money.Of(10m, Currency.CAD)));
        // shares 2.50, 5.00, 2.50; GST on 97.50 + 97.50 = 195 -> 9.75
        Assert.Equal(["97.50", "195.00", "97.50"], totals.Lines.Select(l => l.DiscountedAmount.ToDecimalString()).ToArray());
        Assert.Equal(["9.75"], Amounts(totals));
        Assert.Equal("399.75", totals.Total.ToDecimalString());
    }

    [Fact]
    public void Amount_discount_leftover_cent_goes_to_the_largest_remainder()
    {
        var totals = InvoiceCalculation.Compute(Currency.CAD, [Line(1, 10m), Line(1, 10m), Line(1, 10m)], [], new AmountDiscount(Money.Money.Of(1m, Currency.CAD)));
        // 1.00 / 3 = 0.3333: 0.34 to the first, 0.33 to the others
        Assert.Equal(["9.66", "9.67", "9.67"], totals.Lines.Select(l => l.DiscountedAmount.ToDecimalString()).ToArray());
        Assert.Equal("29.00", totals.Total.ToDecimalString());
    }

    [Fact]
    public void Line_amount_is_rounded_half_away_from_zero()
    {
        var totals = InvoiceCalculation.Compute(Currency.CAD, [Line(0.5m, 0.05m)], [], null);
        // 0.025 -> 0.03
        Assert.Equal("0.03", totals.Subtotal.ToDecimalString());
    }

    [Fact]
    public void Yen_has_no_decimals()
    {
        var totals = InvoiceCalculation.Compute(Currency.JPY, [Line(Currency.JPY, 3, 333m, "T")], [new InvoiceTax("T", 10m, null)], new PercentDiscount(5m));
        // 999; discount 49.95 -> 50; 949; tax 94.9 -> 95; total 1044
        Assert.Equal("949", totals.Lines[0].DiscountedAmount.ToDecimalString());
        Assert.Equal(["95"], Amounts(totals));
        Assert.Equal("1044", totals.Total.ToDecimalString());
    }

    [Fact]
    public void Bahraini_dinar_has_three_decimals()
    {
        var totals = InvoiceCalculation.Compute(Currency.BHD, [Line(Currency.BHD, 1, 10.125m, "VAT")], [new InvoiceTax("VAT", 10m, null)], null);
        // 10.125 x 10% = 1.0125 -> 1.013 (half away from zero); total 11.138
        Assert.Equal(["1.013"], Amounts(totals));
        Assert.Equal("11.138", totals.Total.ToDecimalString());
    }

    [Fact]
    public void British_columbia_gst_and_pst()
    {
        var totals = InvoiceCalculation.Compute(Currency.CAD, [Line(7, 12.49m, "GST", "PST")], [Gst, Pst], new AmountDiscount(Money.Money.Of(7.43m, Currency.CAD)));
        // 87.43 - 7.43 = 80.00; GST 4.00; PST 5.60; total 89.60
        Assert.Equal(["4.00", "5.60"], Amounts(totals));
        Assert.Equal("89.60", totals.Total.ToDecimalString());
    }

    [Fact]
    public void Total_is_discounted_subtotal_plus_taxes_for_any_invoice()
    {
        var line = Gen.Select(Gen.Int[0, 20], Gen.Int[0, 100_000], Gen.Bool, Gen.Bool)
            .Select((q, cents, gst, pst) => Line(q, cents / 100m, new[] { gst ? "GST" : null, pst ? "PST" : null }.OfType<string>().ToArray()));
        Gen.Select(line.Array[1, 8], Gen.Int[0, 100]).Sample((lines, percent) =>
        {
            var totals = InvoiceCalculation.Compute(Currency.CAD, lines, [Gst, Pst], new PercentDiscount(percent));
            var discounted = Money.Money.Sum(totals.Lines.Select(l => l.DiscountedAmount), Currency.CAD);
            Assert.Equal(totals.Subtotal - totals.Discount, discounted);
            Assert.Equal(discounted + Money.Money.Sum(totals.Taxes.Select(t => t.Amount), Currency.CAD), totals.Total);
        });
    }
}
