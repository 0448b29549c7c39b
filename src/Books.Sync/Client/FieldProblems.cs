using BillingBooks.Books.Sync.Mapping;
using BillingBooks.Money;

namespace BillingBooks.Books.Sync.Client;

/// <summary>
/// What is wrong with one field of something Billing sent (a feed item, the summary), said one way: "came without
/// its lines[0]", "has an unreadable total 'abc': not an amount". Null when nothing is.
/// </summary>
internal static class FieldProblems
{
    public static string? CurrencyProblem(string? code, string field, out Currency currency)
    {
        currency = Currency.CAD; // not read unless the code is known
        if (code is null) return Without(field);
        if (FeedValues.CurrencyOf(code) is not { } known) return Unreadable(field, code, "not an ISO 4217 currency code");
        currency = known;
        return null;
    }

    public static string? AmountProblem(string? text, Currency currency, string field) =>
        text is null ? Without(field) : FeedValues.AmountProblem(text, currency) is { } problem ? Unreadable(field, text, problem) : null;

    /// <summary>A list that is null, or holds a null.</summary>
    public static string? Nulls<T>(IReadOnlyList<T?>? list, string field)
        where T : class
    {
        if (list is null) return Without(field);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null) return Without($"{field}[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]");
        }
        return null;
    }

    public static string Without(string field) => $"came without its {field}";

    public static string Unreadable(string field, string text, string? why = null) =>
        $"has an unreadable {field} '{Clip(text)}'" + (why is null ? "" : ": " + why);

    /// <summary>Text from Billing as a message shows it: on one line, and not at any length.</summary>
    public static string Clip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shown = new string(text.Take(60).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return text.Length > 60 ? shown + "..." : shown;
    }
}
