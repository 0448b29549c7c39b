using BillingBooks.Money;

namespace BillingBooks.Books.Settings;

/// <summary>
/// What a new company file needs. Home currency defaults to CAD; the fiscal year to the calendar year of today.
/// <see cref="HistoryFrom"/> opens the books before the current year (e.g. to take two years of invoices from
/// Billing): the earlier one-year fiscal years back to it are kept, and entries may be dated from it on.
/// </summary>
public sealed record NewCompany(string Name, Currency? HomeCurrency = null, DateOnly? FiscalYearStart = null, string Address = "", DateOnly? HistoryFrom = null)
{
    internal Result<CompanySettings> Validate(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            return new InvalidInput("company name", "a company needs a name; give one, e.g. \"Maple Design Inc.\".");
        }

        var start = FiscalYearStart ?? new DateOnly(today.Year, 1, 1);
        if (FiscalYear.Implausible(start) is { } implausible)
        {
            return implausible;
        }

        var from = HistoryFrom ?? start;
        if (from > start)
        {
            return new HistoryAfterFiscalStart(from, start);
        }

        if (FiscalYear.TooFarBack(from, start) is { } tooFar)
        {
            return tooFar;
        }

        var current = new FiscalYear(start, start.AddYears(1).AddDays(-1));
        return new CompanySettings(Name.Trim(), Address, HomeCurrency ?? Currency.CAD, current.Start, current.End, CashBasis: false, AllowForeignCurrency: false, from, FiscalYear.Through(current, from));
    }
}
