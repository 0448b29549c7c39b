using BillingBooks.Books.Journals;
using BillingBooks.Books.Settings;
using BillingBooks.Books.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Settings;

/// <summary>Fiscal years the Simply way: a current year, Start New Year, earlier years open until locked, history before the first year.</summary>
public class FiscalYearTests
{
    private static readonly DateOnly Y2024 = new(2024, 1, 1);

    private static Result<EntryId> Post(TestCompany company, DateOnly date, decimal amount = 10m) =>
        company.Write(w => w.General.Post(new(date, "sale", [GeneralLine.Debit(new(1060), Cad(amount)), GeneralLine.Credit(new(4200), Cad(amount))])));

    [Fact]
    public void New_company_keeps_one_fiscal_year_open_from_its_first_day()
    {
        using var company = new TestCompany(new NewCompany("Maple", FiscalYearStart: Day(1, 1)));
        var settings = company.Read(r => r.Settings.Get());
        Assert.Equal([new FiscalYear(Day(1, 1), Day(12, 31))], settings.FiscalYears);
        Assert.Equal(Day(1, 1), settings.LockedBefore);

        var before = Assert.IsType<OutsideFiscalYear>(Post(company, new DateOnly(2025, 12, 31)).Error);
        Assert.Equal("2025-12-31 is before 2026-01-01, the first day the books are open, so it is outside the fiscal years they keep. To record earlier history, open the books from that date with `books settings set --history-from 2025-12-31`.", before.Message);
        var after = Assert.IsType<OutsideFiscalYear>(Post(company, new DateOnly(2027, 1, 1)).Error);
        Assert.Equal("2027-01-01 is after 2026-12-31, the end of the current fiscal year, so it is outside the fiscal years the books keep. Start the next fiscal year with `books year-end` (`books year-end --before-year-end` while the current year has not ended; it stays open for late entries), or use an earlier date.", after.Message);
    }

    [Fact]
    public void New_company_with_history_takes_entries_from_that_day()
    {
        using var company = new TestCompany(new NewCompany("Maple", FiscalYearStart: Day(1, 1), HistoryFrom: Y2024));
        var settings = company.Read(r => r.Settings.Get());
        Assert.Equal([Y2024, new DateOnly(2025, 1, 1), Day(1, 1)], settings.FiscalYears.Select(y => y.Start));
        Assert.Equal((Day(1, 1), Day(12, 31), Y2024), (settings.FiscalYearStart, settings.FiscalYearEnd, settings.LockedBefore));
        Assert.True(Post(company, Y2024).IsOk);
        Assert.IsType<OutsideFiscalYear>(Post(company, new DateOnly(2023, 12, 31)).Error);
    }

    [Fact]
    public void History_from_mid_year_opens_on_that_day_within_its_fiscal_year()
    {
        using var company = new TestCompany(new NewCompany("Maple", FiscalYearStart: Day(4, 1), HistoryFrom: new DateOnly(2025, 8, 15)));
        var settings = company.Read(r => r.Settings.Get());
        Assert.Equal([new FiscalYear(new DateOnly(2025, 4, 1), Day(3, 31)), new FiscalYear(Day(4, 1), new DateOnly(2027, 3, 31))], settings.FiscalYears);
        var locked = Assert.IsType<BooksLocked>(Post(company, new DateOnly(2025, 8, 14)).Error);
        Assert.Contains("`books settings set --lock-before 2025-08-14`", locked.Message, StringComparison.Ordinal);
        Assert.True(Post(company, new DateOnly(2025, 8, 15)).IsOk);
        Assert.IsType<HistoryAfterFiscalStart>(CompanyFile.Create(Path.Combine(company.Directory, "x.books"), new NewCompany("X", FiscalYearStart: Day(1, 1), HistoryFrom: Day(1, 2))).Error);
    }

    [Fact]
    public void Year_end_is_refused_before_the_current_year_has_ended_naming_the_first_day_it_can_run()
    {
        using var company = new TestCompany();
        company.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

        var error = Assert.IsType<FiscalYearNotEnded>(company.Write(w => w.Settings.StartNewYear()).Error);

        Assert.Equal(
            "The current fiscal year ends on 2026-12-31, so year-end can be run from 2027-01-01; once entries are posted in the next year, starting it cannot be undone. To enter next year's transactions already, start it now with `books year-end --before-year-end`.",
            error.Message);
        Assert.Equal(new DateOnly(2026, 12, 31), company.Read(r => r.Settings.Get().FiscalYearEnd));
    }

    [Fact]
    public void Year_end_runs_on_the_first_day_after_the_year_or_earlier_when_asked_but_never_two_years_ahead_unasked()
    {
        using var company = new TestCompany();
        company.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2027, 12, 31), company.Ok(w => w.Settings.StartNewYear(beforeYearEnd: true)).FiscalYearEnd);
        Assert.IsType<FiscalYearNotEnded>(company.Write(w => w.Settings.StartNewYear()).Error);

        company.Clock.SetUtcNow(new DateTimeOffset(2028, 1, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2028, 12, 31), company.Ok(w => w.Settings.StartNewYear()).FiscalYearEnd);
    }

    [Fact]
    public void Year_end_makes_the_next_year_current_and_the_ended_year_stays_open_until_locked()
    {
        using var company = new TestCompany();
        Assert.True(Post(company, Day(6, 1)).IsOk);
        company.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 2, 12, 0, 0, TimeSpan.Zero));
        var next = company.Ok(w => w.Settings.StartNewYear());
        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), (next.FiscalYearStart, next.FiscalYearEnd));
        Assert.Equal(2, next.FiscalYears.Count);
        Assert.True(Post(company, new DateOnly(2027, 1, 5)).IsOk);
        Assert.True(Post(company, Day(12, 31)).IsOk);

        company.Ok(w => w.Settings.SetLockBefore(new DateOnly(2027, 1, 1)));
        Assert.IsType<BooksLocked>(Post(company, Day(12, 31)).Error);
        Assert.IsType<BooksLocked>(company.Write(w => w.Entries.Reverse(new(1), Day(12, 31), "late")).Error);
        company.Ok(w => w.Settings.SetLockBefore(Day(12, 1)));
        Assert.True(Post(company, Day(12, 31)).IsOk);
        Assert.IsType<LockBeforeFirstYear>(company.Write(w => w.Settings.SetLockBefore(new DateOnly(2025, 12, 31))).Error);
        Assert.IsType<LockAfterCurrentYear>(company.Write(w => w.Settings.SetLockBefore(new DateOnly(2028, 1, 2))).Error);
    }

    [Fact]
    public void The_fiscal_start_cannot_move_once_entries_are_posted()
    {
        using var company = new TestCompany();
        company.Ok(w => w.Settings.SetFiscalYear(Day(4, 1), new DateOnly(2027, 3, 31)));
        Assert.True(Post(company, Day(6, 1)).IsOk);
        var before = company.Snapshot();
        Assert.IsType<FiscalStartLocked>(company.Write(w => w.Settings.SetFiscalYear(Day(7, 1), new DateOnly(2027, 6, 30))).Error);
        Assert.IsType<FiscalStartLocked>(company.Write(w => w.Settings.SetFiscalYear(Day(1, 1), Day(12, 31))).Error);
        var end = Assert.IsType<FiscalYearEndsBeforeEntries>(company.Write(w => w.Settings.SetFiscalYear(Day(4, 1), Day(5, 31))).Error);
        Assert.Equal(Day(6, 1), end.LastEntry);
        Assert.Equal(before, company.Snapshot());

        // The same start is no change; a shorter year that keeps every entry is.
        company.Ok(w => w.Settings.SetFiscalYear(Day(4, 1), new DateOnly(2027, 3, 31)));
        Assert.Equal(Day(9, 30), company.Ok(w => w.Settings.SetFiscalYear(Day(4, 1), Day(9, 30))).FiscalYearEnd);
    }

    [Fact]
    public void Moving_the_start_before_anything_is_posted_keeps_the_history_asked_for()
    {
        using var company = new TestCompany(new NewCompany("Maple", FiscalYearStart: Day(1, 1), HistoryFrom: Y2024));
        var moved = company.Ok(w => w.Settings.SetFiscalYear(Day(4, 1), new DateOnly(2027, 3, 31)));
        Assert.Equal([new DateOnly(2023, 4, 1), new DateOnly(2024, 4, 1), new DateOnly(2025, 4, 1), Day(4, 1)], moved.FiscalYears.Select(y => y.Start));
        Assert.Equal(Y2024, moved.LockedBefore);
    }

    [Fact]
    public void An_existing_company_opens_earlier_years_for_history()
    {
        using var company = new TestCompany();
        Assert.True(Post(company, Day(2, 1)).IsOk);
        var opened = company.Ok(w => w.Settings.SetHistoryFrom(new DateOnly(2024, 6, 1)));
        Assert.Equal([Y2024, new DateOnly(2025, 1, 1), Day(1, 1)], opened.FiscalYears.Select(y => y.Start));
        Assert.True(Post(company, new DateOnly(2024, 6, 1)).IsOk);
        Assert.IsType<BooksLocked>(Post(company, new DateOnly(2024, 5, 31)).Error);
        Assert.IsType<HistoryAfterFiscalStart>(company.Write(w => w.Settings.SetHistoryFrom(Day(1, 2))).Error);
    }

    [Fact]
    public void Trial_balance_and_statements_close_earlier_years_into_retained_earnings()
    {
        using var company = new TestCompany(new NewCompany("Maple", FiscalYearStart: Day(1, 1), HistoryFrom: new DateOnly(2025, 1, 1)));
        Assert.True(Post(company, new DateOnly(2025, 6, 1), 100m).IsOk);
        Assert.True(Post(company, Day(2, 1), 50m).IsOk);

        var trial = company.Read(r => r.Reports.TrialBalance(Day(3, 31)));
        Assert.Equal([(1060, 150m, 0m), (3560, 0m, 100m), (4200, 0m, 50m)], trial.Rows.Select(r => (r.Number.Value, r.Debit.Amount, r.Credit.Amount)));
        var sheet = company.Read(r => r.Reports.BalanceSheet(Day(3, 31)));
        Assert.Equal(Cad(100m), sheet.Equity.Single(r => r.Number?.Value == 3560).Amount);
        Assert.Equal(Cad(50m), sheet.Equity.Single(r => r.Number?.Value == 3600).Amount);
        Assert.Equal(Cad(50m), company.Read(r => r.Reports.IncomeStatement(Day(1, 1), Day(3, 31))).NetIncome);

        // As of a day in the earlier year, that year is the open one.
        var then = company.Read(r => r.Reports.TrialBalance(new DateOnly(2025, 12, 31)));
        Assert.Equal([(1060, 100m, 0m), (4200, 0m, 100m)], then.Rows.Select(r => (r.Number.Value, r.Debit.Amount, r.Credit.Amount)));
    }

    [Fact]
    public void A_file_from_before_fiscal_years_is_upgraded_with_the_years_its_entries_need()
    {
        using var company = new TestCompany();
        Assert.True(Post(company, Day(6, 1)).IsOk);
        company.File.Dispose();
        // What an older Books left: schema 0001, 0002 and 0100 only, and a fiscal start moved past a posting.
        using (var raw = CompanyFile.Connect(company.Path, SqliteOpenMode.ReadWrite))
        {
            // ... and nothing of 0101 (the sync's running totals) or 0102 (payloads in their own table), which came after schema_migration.
            raw.Execute("""
                ALTER TABLE sync_source ADD COLUMN payload TEXT NOT NULL DEFAULT ''; ALTER TABLE sync_source DROP COLUMN payload_id;
                DROP TABLE sync_payload;
                """);
            foreach (var trigger in raw.Query<string>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'sync_total_%' OR name LIKE 'sync_waiting_%' OR name LIKE 'sync_conflict_%')").ToList())
            {
                raw.Execute($"DROP TRIGGER {trigger}");
            }

            raw.Execute("""
                DROP TABLE sync_customer_total; DROP TABLE sync_currency_total; DROP TABLE sync_tax_total; DROP TABLE sync_difference;
                DROP INDEX sync_conflict_customer; DROP INDEX sync_conflict_currency; DROP INDEX sync_conflict_ready;
                ALTER TABLE sync_settings DROP COLUMN reconciled_through; ALTER TABLE sync_conflict DROP COLUMN ready;
                ALTER TABLE sync_settings DROP COLUMN conflict_count;
                DROP TABLE schema_migration; DROP TABLE fiscal_year; ALTER TABLE company DROP COLUMN lock_before;
                UPDATE company SET fiscal_start = '2026-07-01', fiscal_end = '2027-06-30'; PRAGMA user_version = 100;
                """);
        }

        company.Reopen();
        var settings = company.Read(r => r.Settings.Get());
        Assert.Equal([new FiscalYear(new DateOnly(2025, 7, 1), Day(6, 30)), new FiscalYear(Day(7, 1), new DateOnly(2027, 6, 30))], settings.FiscalYears);
        Assert.Equal(new DateOnly(2025, 7, 1), settings.LockedBefore);
        Assert.Equal(Cad(10m), company.Read(r => r.Reports.BalanceSheet(Day(7, 31))).Equity.Single(r => r.Number?.Value == 3560).Amount);
        Assert.Empty(company.Read(r => r.Checks.Run()));
        Assert.True(Post(company, Day(7, 2)).IsOk);
    }

    [Fact]
    public void Reports_as_of_the_ends_of_the_calendar_answer_instead_of_crashing()
    {
        using var company = new TestCompany(new NewCompany("Maple", FiscalYearStart: Day(4, 1)));
        Assert.True(Post(company, Day(6, 1)).IsOk);
        foreach (var day in new[] { DateOnly.MinValue, new DateOnly(1, 2, 1), DateOnly.MaxValue })
        {
            var trial = company.Read(r => r.Reports.TrialBalance(day));
            Assert.Equal(trial.TotalDebit, trial.TotalCredit);
            var sheet = company.Read(r => r.Reports.BalanceSheet(day));
            Assert.Equal(sheet.TotalAssets, sheet.TotalLiabilities + sheet.TotalEquity);
        }
    }

    [Fact]
    public void Implausible_fiscal_starts_and_history_are_refused()
    {
        using var company = new TestCompany();
        var path = Path.Combine(company.Directory, "x.books");
        Assert.IsType<InvalidInput>(CompanyFile.Create(path, new NewCompany("X", FiscalYearStart: new DateOnly(9999, 1, 1))).Error);
        Assert.IsType<InvalidInput>(CompanyFile.Create(path, new NewCompany("X", FiscalYearStart: Day(1, 1), HistoryFrom: new DateOnly(1, 1, 1))).Error);
        Assert.IsType<InvalidInput>(company.Write(w => w.Settings.SetHistoryFrom(new DateOnly(1900, 1, 1))).Error);
        Assert.IsType<InvalidInput>(company.Write(w => w.Settings.SetFiscalYear(new DateOnly(1, 1, 1), new DateOnly(1, 12, 31))).Error);
        Assert.False(File.Exists(path));
    }
}
