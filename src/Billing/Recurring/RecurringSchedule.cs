using BillingBooks.Billing.Contracts;

namespace BillingBooks.Billing.Recurring;

/// <summary>When a recurring invoice's occurrences fall. Pure.</summary>
public static class RecurringSchedule
{
    /// <summary>
    /// Occurrence <paramref name="n"/> (0 = the start date). Each is computed from the start, not from the previous
    /// one, so the 31st stays the 31st wherever the month has one, and a start on a month's last day stays on
    /// month ends (Feb 28 -> Mar 31 -> Apr 30).
    /// </summary>
    public static DateOnly Occurrence(string frequency, DateOnly start, int n) => frequency switch
    {
        Frequencies.Weekly => start.AddDays(checked(7 * n)),
        Frequencies.Monthly when IsMonthEnd(start) => EndOfMonth(start.AddMonths(n)),
        Frequencies.Monthly => start.AddMonths(n),
        Frequencies.Yearly => start.AddYears(n),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "weekly, monthly or yearly"),
    };

    public static bool IsMonthEnd(DateOnly date) => date.Day == DateTime.DaysInMonth(date.Year, date.Month);

    private static DateOnly EndOfMonth(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
}
