namespace BillingBooks.Books.Taxes;

/// <summary>
/// Tax on a document: per tax, the unrounded tax of every line is summed, then rounded once, half away from
/// zero (so an invoice's tax never drifts from its lines by per-line rounding). Compound tax: a tax marked
/// "taxable by other taxes" is charged on the line amount; the code's other taxes are charged on the line amount
/// plus that tax (unrounded).
/// </summary>
internal static class TaxCalculation
{
    public static IReadOnlyList<TaxAmount> Compute(
        IEnumerable<(Money.Money Amount, TaxCode Code)> lines,
        IReadOnlyDictionary<string, Tax> taxes,
        Money.Currency currency)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var (amount, code) in lines)
        {
            var charged = code.Charged.ToArray();
            var compoundBase = charged
                .Where(t => taxes[t.TaxName].TaxableByOtherTaxes)
                .Sum(t => amount.Amount * t.Rate / 100m);
            foreach (var tax in charged)
            {
                var taxBase = taxes[tax.TaxName].TaxableByOtherTaxes ? amount.Amount : amount.Amount + compoundBase;
                var name = taxes[tax.TaxName].Name;
                if (!sums.ContainsKey(name))
                {
                    order.Add(name);
                    sums[name] = 0m;
                }

                sums[name] += taxBase * tax.Rate / 100m;
            }
        }

        return order
            .Select(name => new TaxAmount(name, Money.Money.Round(sums[name], currency, MidpointRounding.AwayFromZero)))
            .Where(t => !t.Amount.IsZero)
            .ToArray();
    }
}
