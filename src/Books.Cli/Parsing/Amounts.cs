using System.Globalization;
using BillingBooks.Money;

namespace BillingBooks.Books.Cli.Parsing;

/// <summary>
/// Amounts are checked once the currency is known (the company's, the customer's or the document's), so
/// "1.005" is refused for CAD and "100.5" for JPY, each naming the option and the fix.
/// </summary>
internal static class Amounts
{
    public static Result<Money.Money> Parse(string option, string text, Currency currency) =>
        Money.Money.TryParse(text, currency, CultureInfo.InvariantCulture, out var money, out var error)
            ? money
            : new InvalidInput(option, $"{error}; amounts are in {currency.Code} with a '.' for decimals, e.g. 1234.50");

    /// <summary>Every item converted, or the first refusal.</summary>
    public static Result<IReadOnlyList<TOut>> All<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, Result<TOut>> convert)
    {
        var done = new List<TOut>();
        foreach (var item in items)
        {
            if (!convert(item).TryGetValue(out var value, out var error))
            {
                return error;
            }

            done.Add(value);
        }

        return done;
    }
}
