using BillingBooks.Books.Accounts;
using BillingBooks.Books.Settings;
using BillingBooks.Books.Taxes;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Storage;

/// <summary>Writes the company row, the default chart, linked accounts, taxes and tax codes into a new file.</summary>
internal static class NewCompanySeed
{
    /// <param name="withFiscalYears">False only for files made at a schema from before fiscal years (tests of upgrades).</param>
    public static void Write(SqliteConnection connection, SqliteTransaction transaction, CompanySettings company, DateTimeOffset now, bool withFiscalYears = true)
    {
        connection.Execute(
            "INSERT INTO company (id, name, address, home_currency, fiscal_start, fiscal_end, cash_basis, allow_foreign, created_at) VALUES (1, @Name, @Address, @Currency, @Start, @End, 0, 0, @Now)",
            new { company.Name, company.Address, Currency = company.HomeCurrency.Code, Start = SqlFormats.Date(company.FiscalYearStart), End = SqlFormats.Date(company.FiscalYearEnd), Now = SqlFormats.Instant(now) },
            transaction);
        if (withFiscalYears)
        {
            connection.Execute("UPDATE company SET lock_before = @Lock", new { Lock = SqlFormats.Date(company.LockedBefore) }, transaction);
            connection.Execute(
                "INSERT INTO fiscal_year (start, end) VALUES (@Start, @End)",
                company.FiscalYears.Select(y => new { Start = SqlFormats.Date(y.Start), End = SqlFormats.Date(y.End) }),
                transaction);
        }

        connection.Execute(
            "INSERT INTO account (number, name, type, active) VALUES (@Number, @Name, @Type, 1)",
            DefaultChart.Accounts.Select(a => new { Number = a.Number.Value, a.Name, Type = AccountTypes.Name(a.Type) }),
            transaction);
        connection.Execute(
            "INSERT INTO linked_account (role, account) VALUES (@Role, @Account)",
            Enum.GetValues<LinkedAccount>().Select(r => new { Role = r.ToString(), Account = DefaultChart.Linked[r].Value }),
            transaction);
        connection.Execute(
            "INSERT INTO tax (name, account, taxable_by_others) VALUES (@Name, @Account, @Taxable)",
            DefaultTaxes.Taxes.Select(t => new { t.Name, Account = t.Account.Value, Taxable = t.TaxableByOtherTaxes }),
            transaction);
        foreach (var code in DefaultTaxes.Codes)
        {
            TaxCodes.Insert(connection, transaction, code);
        }
    }
}
