using BillingBooks.Money;

namespace BillingBooks.Books.Settings;

/// <summary>The company-wide settings (SPEC 2.1).</summary>
public sealed record CompanySettings(
    string Name,
    string Address,
    Currency HomeCurrency,
    DateOnly FiscalYearStart,
    DateOnly FiscalYearEnd,
    bool CashBasis,
    bool AllowForeignCurrency)
{
    public bool InFiscalYear(DateOnly date) => date >= FiscalYearStart && date <= FiscalYearEnd;
}
