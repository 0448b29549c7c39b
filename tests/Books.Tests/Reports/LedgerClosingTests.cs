using BillingBooks.Books.Journals;
using BillingBooks.Books.Reports;
using CsCheck;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Reports;

/// <summary>The general ledger closes earlier fiscal years as the trial balance and balance sheet do.</summary>
public class LedgerClosingTests
{
    private static TestCompany TwoYears()
    {
        var company = new TestCompany();
        company.Ok(w => w.General.Post(new(Day(5, 31), "Repairs", [GeneralLine.Debit(new(5200), Cad(1495m)), GeneralLine.Credit(new(1060), Cad(1495m))])));
        company.Ok(w => w.Settings.StartNewYear(beforeYearEnd: true)); // the test clock is mid-2026
        company.Ok(w => w.General.Post(new(new DateOnly(2027, 1, 10), "Repairs", [GeneralLine.Debit(new(5200), Cad(1000m)), GeneralLine.Credit(new(1060), Cad(1000m))])));
        return company;
    }

    [Fact]
    public void An_expense_account_opens_a_new_fiscal_year_at_zero()
    {
        using var company = TwoYears();

        var detail = company.Read(r => r.Reports.GeneralLedger(new(5200), new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31))).Value;
        Assert.Equal(Cad(0m), detail.Opening);
        Assert.Equal(Cad(1000m), detail.Closing);
    }

    [Fact]
    public void Retained_earnings_opens_a_new_fiscal_year_with_the_earlier_years_income()
    {
        using var company = TwoYears();

        var detail = company.Read(r => r.Reports.GeneralLedger(new(3560), new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31))).Value;
        Assert.Equal(Cad(1495m), detail.Opening);
        Assert.Empty(detail.Rows);
        Assert.Equal(Cad(1495m), detail.Closing);
    }

    [Fact]
    public void A_period_across_a_year_end_shows_the_close_on_its_last_day()
    {
        using var company = TwoYears();

        var expense = company.Read(r => r.Reports.GeneralLedger(new(5200), Day(5, 1), new DateOnly(2027, 1, 31))).Value;
        Assert.Equal(
            [(Day(5, 31), false, 1495m, 0m, 1495m), (Day(12, 31), true, 0m, 1495m, 0m), (new DateOnly(2027, 1, 10), false, 1000m, 0m, 1000m)],
            expense.Rows.Select(r => (r.Date, r.Entry is null, r.Debit.Amount, r.Credit.Amount, r.Balance.Amount)));
        Assert.Null(expense.Rows[1].Kind);

        var retained = company.Read(r => r.Reports.GeneralLedger(new(3560), Day(5, 1), new DateOnly(2027, 1, 31))).Value;
        Assert.Equal(Cad(0m), retained.Opening);
        Assert.Equal([(Day(12, 31), 1495m, 0m, 1495m)], retained.Rows.Select(r => (r.Date, r.Debit.Amount, r.Credit.Amount, r.Balance.Amount)));
    }

    /// <summary>
    /// Random histories over two fiscal years or more (year-ends start later ones), ledgers for any period: each
    /// account's closing balance is its trial balance as of the period's end, and its rows run from the opening to
    /// the closing.
    /// </summary>
    [Fact]
    public void Every_accounts_ledger_closes_at_its_trial_balance_as_of_the_periods_end()
    {
        Gen.Select(RandomBooks.History, Gen.Int[-10, 1500], Gen.Int[0, 500]).Sample((history, start, length) =>
        {
            using var company = RandomBooks.NewCompany(historyFrom: RandomBooks.FirstDay);
            foreach (var op in history)
            {
                RandomBooks.Apply(company, op);
            }

            var from = RandomBooks.FirstDay.AddDays(start);
            var to = from.AddDays(length);
            var trial = company.Read(r => r.Reports.TrialBalance(to)).Rows.ToDictionary(r => r.Number, r => r.Debit - r.Credit);
            foreach (var account in company.Read(r => r.Accounts.List()))
            {
                var detail = company.Read(r => r.Reports.GeneralLedger(account.Number, from, to)).Value;
                Assert.Equal(trial.GetValueOrDefault(account.Number, Cad(0m)), detail.Closing);
                var running = detail.Opening;
                foreach (var row in detail.Rows)
                {
                    running = running + row.Debit - row.Credit;
                    Assert.Equal(running, row.Balance);
                }

                Assert.Equal(running, detail.Closing);
            }
        }, iter: 30, threads: 2);
    }
}
