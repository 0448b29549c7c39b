using BillingBooks.Money;

namespace BillingBooks.Books.Settings;

/// <summary>
/// The company-wide settings (SPEC 2.1). <see cref="FiscalYearStart"/>/<see cref="FiscalYearEnd"/> are the current
/// fiscal year; <see cref="FiscalYears"/> every year the books keep, oldest first (the last is the current one).
/// Entries may be dated from <see cref="LockedBefore"/> (the books' first day, or the day the user locked them
/// before) to the end of the current year: earlier years stay open for late entries until the user locks them.
/// </summary>
public sealed record CompanySettings(
    string Name,
    string Address,
    Currency HomeCurrency,
    DateOnly FiscalYearStart,
    DateOnly FiscalYearEnd,
    bool CashBasis,
    bool AllowForeignCurrency,
    DateOnly LockedBefore,
    IReadOnlyList<FiscalYear> FiscalYears)
{
    public bool InFiscalYear(DateOnly date) => date >= FiscalYearStart && date <= FiscalYearEnd;

    /// <summary>The first day of the first fiscal year the books keep.</summary>
    public DateOnly FirstDay => FiscalYears[0].Start;

    /// <summary>
    /// The first day of the fiscal year holding <paramref name="date"/>. Beyond the years kept (reports may be asked
    /// about any date) the years go on one year long each way.
    /// </summary>
    public DateOnly YearStartOf(DateOnly date)
    {
        for (var i = FiscalYears.Count - 1; i >= 0; i--)
        {
            if (FiscalYears[i].Contains(date))
            {
                return FiscalYears[i].Start;
            }
        }

        // Reports take any date the user types: stop at the ends of the calendar DateOnly can hold.
        if (date > FiscalYearEnd)
        {
            var start = FiscalYearEnd.AddDays(1);
            while (start.Year < DateOnly.MaxValue.Year && start.AddYears(1) <= date)
            {
                start = start.AddYears(1);
            }

            return start;
        }

        var earlier = FirstDay;
        while (earlier > date && earlier.Year > DateOnly.MinValue.Year)
        {
            earlier = earlier.AddYears(-1);
        }

        return earlier > date ? DateOnly.MinValue : earlier;
    }
}
