namespace BillingBooks.Books.Settings;

/// <summary>One fiscal year of the company, first to last day. Years follow each other without gaps.</summary>
public sealed record FiscalYear(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>At most this many fiscal years of history: more is a typo (and would run off the calendar).</summary>
    public const int MaxHistoryYears = 100;

    /// <summary>The refusal for history reaching more than <see cref="MaxHistoryYears"/> before <paramref name="firstStart"/>, else null.</summary>
    internal static InvalidInput? TooFarBack(DateOnly from, DateOnly firstStart) =>
        from.Year - 1 >= firstStart.Year - MaxHistoryYears
            ? null
            : new InvalidInput("--history-from", $"{Iso(from)} is more than {MaxHistoryYears} years before the first fiscal year ({Iso(firstStart)}); give the first day of the history you will enter, e.g. --history-from {Iso(new DateOnly(Math.Max(firstStart.Year - 2, 1), firstStart.Month, 1))}.");

    /// <summary>The refusal for a fiscal year starting outside 1900-9000 (a typo; the calendar must hold its neighbours), else null.</summary>
    internal static InvalidInput? Implausible(DateOnly start) =>
        start.Year is >= 1900 and <= 9000
            ? null
            : new InvalidInput("--fiscal-start", $"{Iso(start)} is not a plausible fiscal year start; give the first day of the company's fiscal year, e.g. --fiscal-start 2026-01-01.");

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

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
