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

    /// <summary>
    /// Sets the current fiscal year; it must end after it starts and last at most a year (it may be shorter). Its
    /// start moves only while nothing is posted (entries never change fiscal year; the next year comes with
    /// <see cref="StartNewYear"/>); its end never leaves a posted entry after it.
    /// </summary>
    public Result<CompanySettings> SetFiscalYear(DateOnly start, DateOnly end)
    {
        _scope.RequireWrite();
        if (FiscalYear.Implausible(start) is { } implausible)
        {
            return implausible;
        }

        if (end <= start || end > start.AddYears(1).AddDays(-1))
        {
            return new InvalidInput("fiscal year", $"{SqlFormats.Date(start)} to {SqlFormats.Date(end)} is not a fiscal year; the end must come after the start and at most one year later (e.g. {SqlFormats.Date(start)} to {SqlFormats.Date(start.AddYears(1).AddDays(-1))}).");
        }

        var now = Get();
        var last = _scope.Scalar<string?>("SELECT MAX(date) FROM entry");
        if (start != now.FiscalYearStart)
        {
            if (last is not null)
            {
                return new FiscalStartLocked(now.FiscalYearStart, now.FiscalYearEnd);
            }

            // Nothing posted: lay the years out again, keeping any history the books were opened for.
            var from = now.FiscalYears.Count > 1 && now.LockedBefore < start ? now.LockedBefore : start;
            _scope.Execute("DELETE FROM fiscal_year");
            WriteYears(FiscalYear.Through(new FiscalYear(start, end), from), from);
            return Get();
        }

        if (last is not null && SqlFormats.Date(last) > end)
        {
            return new FiscalYearEndsBeforeEntries(end, SqlFormats.Date(last));
        }

        WriteYears([new FiscalYear(start, end)], now.LockedBefore);
        return Get();
    }

    /// <summary>
    /// Start New Year: the year after the current one becomes current (one year long), from the day after the current
    /// year ends (today on the clock), or earlier if <paramref name="beforeYearEnd"/>. The year that ends stays
    /// open for late entries until the books are locked before the new year (<see cref="SetLockBefore"/>).
    /// Reports close its income into retained earnings by themselves: nothing is posted.
    /// </summary>
    public Result<CompanySettings> StartNewYear(bool beforeYearEnd = false)
    {
        _scope.RequireWrite();
        var end = Get().FiscalYearEnd;
        var start = end.AddDays(1);
        // Only when asked: once an entry is posted in the new year its start cannot move back, so a year-end run by
        // mistake (or twice) would leave the books years ahead for good.
        if (!beforeYearEnd && DateOnly.FromDateTime(_scope.Clock.GetLocalNow().DateTime) < start)
        {
            return new FiscalYearNotEnded(end);
        }

        WriteYears([new FiscalYear(start, start.AddYears(1).AddDays(-1))], Get().LockedBefore);
        return Get();
    }

    /// <summary>Locks the books before <paramref name="date"/> (nothing may be dated earlier), or unlocks them back to it.</summary>
    public Result<CompanySettings> SetLockBefore(DateOnly date)
    {
        _scope.RequireWrite();
        var now = Get();
        if (date < now.FirstDay)
        {
            return new LockBeforeFirstYear(date, now.FirstDay);
        }

        if (date > now.FiscalYearEnd.AddDays(1))
        {
            return new LockAfterCurrentYear(date, now.FiscalYearEnd);
        }

        WriteYears([], date);
        return Get();
    }

    /// <summary>
    /// Opens the books for entries from <paramref name="date"/>, before the current fiscal year: the one-year fiscal
    /// years back to it are added (in front of the first one kept) and the lock date becomes <paramref name="date"/>.
    /// </summary>
    public Result<CompanySettings> SetHistoryFrom(DateOnly date)
    {
        _scope.RequireWrite();
        var now = Get();
        if (date > now.FiscalYearStart)
        {
            return new HistoryAfterFiscalStart(date, now.FiscalYearStart);
        }

        if (FiscalYear.TooFarBack(date, now.FirstDay) is { } tooFar)
        {
            return tooFar;
        }

        WriteYears(FiscalYear.Before(now.FirstDay, date).ToArray(), date);
        return Get();
    }

    /// <summary>Adds (or replaces, by start) <paramref name="years"/>; the latest year kept is the current one.</summary>
    private void WriteYears(IReadOnlyList<FiscalYear> years, DateOnly lockBefore)
    {
        _scope.Execute(
            "INSERT INTO fiscal_year (start, end) VALUES (@Start, @End) ON CONFLICT (start) DO UPDATE SET end = excluded.end",
            years.Select(y => new { Start = SqlFormats.Date(y.Start), End = SqlFormats.Date(y.End) }));
        _scope.Execute(
            "UPDATE company SET lock_before = @Lock, (fiscal_start, fiscal_end) = (SELECT start, end FROM fiscal_year ORDER BY start DESC LIMIT 1)",
            new { Lock = SqlFormats.Date(lockBefore) });
        _scope.Invalidate();
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

    /// <summary>
    /// Off only while no foreign-currency invoice owes: a receipt in a foreign currency is refused while it is off, so
    /// those invoices could be neither paid nor settled (turn it off once they are paid or reversed).
    /// </summary>
    public Result<CompanySettings> SetAllowForeignCurrency(bool on)
    {
        _scope.RequireWrite();
        if (!on)
        {
            var owing = _scope.Query<(long Count, string Number, string Customer, string Currency, long Owing)>(
                "SELECT COUNT(*) OVER (), i.number, c.name, i.currency, i.owing FROM invoice i JOIN customer c ON c.id = i.customer_id " +
                "WHERE i.reversed = 0 AND i.owing <> 0 AND i.currency <> (SELECT home_currency FROM company WHERE id = 1) ORDER BY i.date, i.entry_id LIMIT 1").ToArray();
            if (owing is [var oldest])
            {
                return new ForeignInvoicesOwing(checked((int)oldest.Count), oldest.Number, oldest.Customer, Money.Money.FromMinorUnits(oldest.Owing, Currency.Get(oldest.Currency)));
            }
        }

        return Update("UPDATE company SET allow_foreign = @Value", on);
    }

    internal static CompanySettings Load(BooksRead scope)
    {
        var row = scope.QuerySingleOrDefault<(string Name, string Address, string Currency, string Start, string End, long CashBasis, long Foreign, string Lock)>(
            "SELECT name, address, home_currency, fiscal_start, fiscal_end, cash_basis, allow_foreign, lock_before FROM company WHERE id = 1");
        var years = scope.Query<(string Start, string End)>("SELECT start, end FROM fiscal_year ORDER BY start")
            .Select(y => new FiscalYear(SqlFormats.Date(y.Start), SqlFormats.Date(y.End)))
            .ToArray();
        return new CompanySettings(row.Name, row.Address, Currency.Get(row.Currency), SqlFormats.Date(row.Start), SqlFormats.Date(row.End), row.CashBasis != 0, row.Foreign != 0, SqlFormats.Date(row.Lock), years);
    }

    private Result<CompanySettings> Update(string sql, object value)
    {
        _scope.RequireWrite();
        _scope.Execute(sql, new { Value = value });
        _scope.Invalidate();
        return Get();
    }
}
