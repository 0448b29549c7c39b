using BillingBooks.Money;

namespace BillingBooks.Billing.Invoices;

/// <summary>A tax copied onto an invoice. <paramref name="Rate"/> in percent; <paramref name="ChargedOn"/> names another tax of the invoice.</summary>
public sealed record InvoiceTax(string Name, decimal Rate, string? ChargedOn);

/// <summary>A line: quantity x unit price (in the invoice's currency), and the names of the invoice taxes ticked on it.</summary>
public sealed record InvoiceLine(decimal Quantity, Money.Money UnitPrice, IReadOnlyList<string> Taxes);

public abstract record InvoiceDiscount;

/// <summary>Every line is reduced by this percent (each line's reduction rounded to the currency).</summary>
public sealed record PercentDiscount(decimal Percent) : InvoiceDiscount;

/// <summary>An amount spread over the lines in proportion to their amounts, summing exactly to it.</summary>
public sealed record AmountDiscount(Money.Money Amount) : InvoiceDiscount;

public sealed record LineTotals(Money.Money Amount, Money.Money DiscountedAmount);

public sealed record TaxTotals(InvoiceTax Tax, Money.Money Amount);

public sealed record InvoiceTotals(
    IReadOnlyList<LineTotals> Lines,
    IReadOnlyList<TaxTotals> Taxes,
    Money.Money Subtotal,
    Money.Money Discount,
    Money.Money Total);

/// <summary>
/// SPEC 1.4, the one place an invoice's amounts are computed (the browser editor mirrors this class):
/// <list type="bullet">
/// <item>line amount = quantity x unit price, rounded to the currency (half away from zero);</item>
/// <item>a percent discount reduces every line by that percent (rounded per line); an amount discount is
/// allocated over the lines in proportion to their amounts with <see cref="Allocation.Allocate"/>;</item>
/// <item>tax T = rate(T) x (sum of the discounted amounts of the lines ticked for T, plus, when T is charged on
/// tax S, S's unrounded tax on the lines ticked for both), rounded once per invoice;</item>
/// <item>total = discounted subtotal + the taxes.</item>
/// </list>
/// Pure: no I/O, no clock; the same input always gives the same amounts.
/// </summary>
public static class InvoiceCalculation
{
    private const MidpointRounding Rounding = MidpointRounding.AwayFromZero;

    public static InvoiceTotals Compute(Currency currency, IReadOnlyList<InvoiceLine> lines, IReadOnlyList<InvoiceTax> taxes, InvoiceDiscount? discount)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(taxes);
        var amounts = lines.Select(l => l.UnitPrice.Multiply(l.Quantity, Rounding)).ToArray();
        // Sum refuses a unit price in another currency than the invoice's.
        var subtotal = Money.Money.Sum(amounts, currency);
        var discounted = Discount(currency, amounts, discount);
        var totalDiscount = subtotal - Money.Money.Sum(discounted, currency);

        var taxTotals = new List<TaxTotals>(taxes.Count);
        foreach (var tax in taxes)
        {
            var unrounded = 0m;
            for (var i = 0; i < lines.Count; i++)
            {
                if (Ticks(lines[i], tax.Name))
                {
                    unrounded += UnroundedTax(tax, lines[i], discounted[i].Amount, taxes, depth: 0);
                }
            }

            taxTotals.Add(new TaxTotals(tax, Money.Money.Round(unrounded, currency, Rounding)));
        }

        var total = subtotal - totalDiscount + Money.Money.Sum(taxTotals.Select(t => t.Amount), currency);
        var lineTotals = amounts.Select((a, i) => new LineTotals(a, discounted[i])).ToArray();
        return new InvoiceTotals(lineTotals, taxTotals, subtotal, totalDiscount, total);
    }

    /// <summary>The unrounded tax <paramref name="tax"/> on one line already known to be ticked for it.</summary>
    private static decimal UnroundedTax(InvoiceTax tax, InvoiceLine line, decimal discountedAmount, IReadOnlyList<InvoiceTax> taxes, int depth)
    {
        var basis = discountedAmount;
        if (tax.ChargedOn is not null && depth < taxes.Count && Ticks(line, tax.ChargedOn))
        {
            var other = taxes.FirstOrDefault(t => string.Equals(t.Name, tax.ChargedOn, StringComparison.OrdinalIgnoreCase));
            if (other is not null)
            {
                basis += UnroundedTax(other, line, discountedAmount, taxes, depth + 1);
            }
        }

        return basis * tax.Rate / 100m;
    }

    private static bool Ticks(InvoiceLine line, string taxName) =>
        line.Taxes.Any(t => string.Equals(t, taxName, StringComparison.OrdinalIgnoreCase));

    private static Money.Money[] Discount(Currency currency, Money.Money[] amounts, InvoiceDiscount? discount)
    {
        switch (discount)
        {
            case PercentDiscount percent:
                return amounts.Select(a => a - Money.Money.Round(a.Amount * percent.Percent / 100m, currency, Rounding)).ToArray();
            case AmountDiscount amount when amounts.Length > 0 && !amount.Amount.IsZero:
                var shares = Allocation.Allocate(amount.Amount, amounts.Select(a => a.Amount).ToArray());
                return amounts.Select((a, i) => a - shares[i]).ToArray();
            default:
                return amounts;
        }
    }
}
