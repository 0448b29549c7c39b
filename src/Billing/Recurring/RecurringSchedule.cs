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

    /// <summary>
    /// Where an edited schedule stands: its start and how many occurrences are already made. A new start begins it
    /// again. A new frequency carries on from the last invoice made, at the new pace: counting the made ones from the
    /// old start at the new pace would put the next date in the past (every missed one made at once) or years ahead.
    /// </summary>
    public static (DateOnly Start, int Generated) AfterEdit(string oldFrequency, DateOnly oldStart, int generated, string frequency, DateOnly start)
    {
        if (start != oldStart)
        {
            return (start, 0);
        }

        return frequency == oldFrequency || generated == 0 ? (start, generated) : (Occurrence(oldFrequency, oldStart, generated - 1), 1);
    }

    public static bool IsMonthEnd(DateOnly date) => date.Day == DateTime.DaysInMonth(date.Year, date.Month);

    private static DateOnly EndOfMonth(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
}
