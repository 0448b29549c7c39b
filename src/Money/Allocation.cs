namespace BillingBooks.Money;

/// <summary>
/// Splits an amount into parts proportional to weights so that the parts sum exactly to the amount
/// (largest remainder: each part is floored to the minor unit, then the leftover minor units go one by one
/// to the parts with the largest remainders, earliest first on ties). Used to spread an invoice discount
/// over its lines and a receipt over its invoices.
/// </summary>
public static class Allocation
{
    public static IReadOnlyList<Money> Allocate(Money total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
        {
            throw new ArgumentException("At least one weight is needed.", nameof(weights));
        }

        var weightSum = 0m;
        foreach (var weight in weights)
        {
            if (weight < 0m)
            {
                throw new ArgumentException("Weights cannot be negative.", nameof(weights));
            }

            weightSum += weight;
        }

        var currency = total.Currency;
        var units = total.MinorUnits;
        var sign = units < 0 ? -1L : 1L;
        var magnitude = Math.Abs(units);
        var parts = new long[weights.Count];
        var remainders = new decimal[weights.Count];
        long given = 0;

        for (var i = 0; i < weights.Count; i++)
        {
            // All-zero weights split evenly: a discount over lines that are all zero still has to land somewhere.
            var share = weightSum == 0m ? (decimal)magnitude / weights.Count : magnitude * (weights[i] / weightSum);
            parts[i] = (long)decimal.Floor(share);
            remainders[i] = share - parts[i];
            given += parts[i];
        }

        var leftover = magnitude - given;
        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i)
            .ToArray();
        for (var k = 0; k < leftover; k++)
        {
            parts[order[k % order.Length]]++;
        }

        return parts.Select(p => Money.FromMinorUnits(sign * p, currency)).ToArray();
    }

    /// <summary>Splits into <paramref name="count"/> parts as even as the minor unit allows.</summary>
    public static IReadOnlyList<Money> Split(Money total, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Allocate(total, Enumerable.Repeat(1m, count).ToArray());
    }
}
