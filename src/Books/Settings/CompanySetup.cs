using BillingBooks.Books.Storage;
using BillingBooks.Money;

namespace BillingBooks.Books.Settings;

/// <summary>Company settings: name, address, fiscal year, home currency, cash basis, foreign currency.</summary>
public sealed class CompanySetup
{
    private readonly BooksRead _scope;

    internal CompanySetup(BooksRead scope) => _scope = scope;

    public CompanySettings Get() => _scope.Company;

    public Result<CompanySettings> SetName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new InvalidInput("company name", "a company needs a name; give one, e.g. \"Maple Design Inc.\".");
        }

        return Update("UPDATE company SET name = @Value", name.Trim());
    }

    public Result<CompanySettings> SetAddress(string address) => Update("UPDATE company SET address = @Value", address ?? "");

    /// <summary>Sets the fiscal year; it must end after it starts and last at most a year (it may be shorter).</summary>
    public Result<CompanySettings> SetFiscalYear(DateOnly start, DateOnly end)
    {
        _scope.RequireWrite();
        if (end <= start || end > start.AddYears(1).AddDays(-1))
        {
            return new InvalidInput("fiscal year", $"{SqlFormats.Date(start)} to {SqlFormats.Date(end)} is not a fiscal year; the end must come after the start and at most one year later (e.g. {SqlFormats.Date(start)} to {SqlFormats.Date(start.AddYears(1).AddDays(-1))}).");
        }

        _scope.Execute("UPDATE company SET fiscal_start = @Start, fiscal_end = @End", new { Start = SqlFormats.Date(start), End = SqlFormats.Date(end) });
        _scope.Invalidate();
        return Get();
    }

    /// <summary>The home currency changes only while no entry is posted.</summary>
    public Result<CompanySettings> SetHomeCurrency(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        _scope.RequireWrite();
        if (currency != Get().HomeCurrency && _scope.Scalar<long>("SELECT EXISTS (SELECT 1 FROM entry)") != 0)
        {
            return new HomeCurrencyLocked(Get().HomeCurrency.Code);
        }

        return Update("UPDATE company SET home_currency = @Value", currency.Code);
    }

    public Result<CompanySettings> SetCashBasis(bool on) => Update("UPDATE company SET cash_basis = @Value", on);

    public Result<CompanySettings> SetAllowForeignCurrency(bool on) => Update("UPDATE company SET allow_foreign = @Value", on);

    internal static CompanySettings Load(BooksRead scope)
    {
        var row = scope.QuerySingleOrDefault<(string Name, string Address, string Currency, string Start, string End, long CashBasis, long Foreign)>(
            "SELECT name, address, home_currency, fiscal_start, fiscal_end, cash_basis, allow_foreign FROM company WHERE id = 1");
        return new CompanySettings(row.Name, row.Address, Currency.Get(row.Currency), SqlFormats.Date(row.Start), SqlFormats.Date(row.End), row.CashBasis != 0, row.Foreign != 0);
    }

    private Result<CompanySettings> Update(string sql, object value)
    {
        _scope.RequireWrite();
        _scope.Execute(sql, new { Value = value });
        _scope.Invalidate();
        return Get();
    }
}
