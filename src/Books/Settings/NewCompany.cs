using BillingBooks.Money;

namespace BillingBooks.Books.Settings;

/// <summary>What a new company file needs. Home currency defaults to CAD; the fiscal year to the calendar year of today.</summary>
public sealed record NewCompany(string Name, Currency? HomeCurrency = null, DateOnly? FiscalYearStart = null, string Address = "")
{
    internal Result<CompanySettings> Validate(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            return new InvalidInput("company name", "a company needs a name; give one, e.g. \"Maple Design Inc.\".");
        }

        var start = FiscalYearStart ?? new DateOnly(today.Year, 1, 1);
        return new CompanySettings(Name.Trim(), Address, HomeCurrency ?? Currency.CAD, start, start.AddYears(1).AddDays(-1), CashBasis: false, AllowForeignCurrency: false);
    }
}
