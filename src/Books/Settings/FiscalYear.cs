namespace BillingBooks.Books.Settings;

/// <summary>One fiscal year of the company, first to last day. Years follow each other without gaps.</summary>
public sealed record FiscalYear(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>The one-year fiscal years before <paramref name="firstStart"/>, latest first, back to the one holding <paramref name="from"/>.</summary>
    internal static IEnumerable<FiscalYear> Before(DateOnly firstStart, DateOnly from)
    {
        for (var start = firstStart; start > from;)
        {
            var earlier = start.AddYears(-1);
            yield return new FiscalYear(earlier, start.AddDays(-1));
            start = earlier;
        }
    }

    /// <summary>The current year and the earlier ones back to <paramref name="from"/>, oldest first.</summary>
    internal static IReadOnlyList<FiscalYear> Through(FiscalYear current, DateOnly from) =>
        Before(current.Start, from).Reverse().Append(current).ToArray();
}
