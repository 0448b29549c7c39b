using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Tests.Storage;

public class CompanyFileTests
{
    [Fact]
    public void New_company_has_the_default_chart_and_calendar_fiscal_year()
    {
        using var company = new TestCompany();
        var settings = company.Read(r => r.Settings.Get());
        Assert.Equal("Maple Design Inc.", settings.Name);
        Assert.Equal("CAD", settings.HomeCurrency.Code);
        Assert.Equal(new DateOnly(2026, 1, 1), settings.FiscalYearStart);
        Assert.Equal(new DateOnly(2026, 12, 31), settings.FiscalYearEnd);
        var accounts = company.Read(r => r.Accounts.List());
        Assert.Contains(accounts, a => a.Number.Value == 1060 && a.Name == "Chequing Bank Account");
        Assert.Contains(accounts, a => a.Number.Value == 4020 && a.Name == "General Revenue");
        Assert.Equal(CompanyFile.CurrentSchemaVersion, company.Read(r => r.Scalar<long>("PRAGMA user_version")));
    }
}
