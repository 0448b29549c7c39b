using BillingBooks.Books.Accounts;
using CsCheck;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Reports;

public class FiscalYearPropertyTests
{
    /// <summary>
    /// Postings over two fiscal years (2025, 2026) and up to two more started by year-ends, reports as of any day from
    /// before the first to after the last: the trial balance, balance sheet and income statement tell the same story
    /// with earlier years closed.
    /// </summary>
    [Fact]
    public void Reports_as_of_any_date_close_earlier_years_and_agree()
    {
        Gen.Select(RandomBooks.History, Gen.Int[-10, 1500].Array[1, 6]).Sample((history, days) =>
        {
            using var company = RandomBooks.NewCompany(historyFrom: RandomBooks.FirstDay);
            foreach (var op in history)
            {
                RandomBooks.Apply(company, op);
            }

            Assert.Empty(company.Read(r => r.Checks.Run()));
            foreach (var asOf in days.Select(d => RandomBooks.FirstDay.AddDays(d)))
            {
                var yearStart = company.Read(r => r.Settings.Get().YearStartOf(asOf));
                Assert.True(yearStart <= asOf && asOf < yearStart.AddYears(1), $"{asOf} is not in the year from {yearStart}");
                var trial = company.Read(r => r.Reports.TrialBalance(asOf));
                var sheet = company.Read(r => r.Reports.BalanceSheet(asOf));
                var income = company.Read(r => r.Reports.IncomeStatement(yearStart, asOf));
                Money.Money Net(IEnumerable<BillingBooks.Books.Reports.TrialBalanceRow> rows) => rows.Aggregate(Cad(0m), (sum, r) => sum + r.Credit - r.Debit);

                Assert.Equal(trial.TotalDebit, trial.TotalCredit);
                Assert.Equal(sheet.TotalAssets, sheet.TotalLiabilities + sheet.TotalEquity);

                // The trial balance's revenue and expenses are this fiscal year's: the income statement's net income.
                Assert.Equal(income.NetIncome, Net(trial.Rows.Where(r => r.Type is AccountType.Revenue or AccountType.Expense)));
                Assert.Equal(income.NetIncome, sheet.Equity.Single(r => r.Number?.Value == 3600).Amount);

                // Net income = the change in equity beyond what the trial balance's equity accounts (owner's money and
                // the earlier years' closed income, in Retained Earnings) already hold.
                Assert.Equal(income.NetIncome, sheet.TotalEquity - Net(trial.Rows.Where(r => r.Type == AccountType.Equity)));
                Assert.Equal(Net(trial.Rows.Where(r => r.Number.Value == 3560)), sheet.Equity.Single(r => r.Number?.Value == 3560).Amount);

                // Retained Earnings holds exactly the income of every earlier year.
                var earlier = company.Read(r => r.Reports.IncomeStatement(DateOnly.MinValue, yearStart.AddDays(-1))).NetIncome;
                Assert.Equal(earlier, sheet.Equity.Single(r => r.Number?.Value == 3560).Amount);
            }
        }, iter: 40, threads: 2);
    }
}
