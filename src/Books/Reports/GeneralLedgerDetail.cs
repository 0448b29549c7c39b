using BillingBooks.Books.Accounts;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Settings;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Reports;

/// <summary>
/// One account's general ledger for a period, with fiscal years closed as <see cref="Balances.Closed"/> closes them
/// for the trial balance: a revenue or expense account opens a fiscal year at zero and Retained Earnings holds the
/// income of every earlier year. A year that ends inside the period shows its close as a row on its last day (the
/// hledger export's closing transaction), so the closing balance is always the trial balance as of the period's end.
/// </summary>
internal static class GeneralLedgerDetail
{
    private const string CloseMemo = "Year-end close: revenue and expenses to Retained Earnings";

    /// <summary>Balances in home minor units, debit positive.</summary>
    public static (long Opening, IReadOnlyList<LedgerDetailRow> Rows, long Closing) Build(BooksRead scope, Account account, DateOnly from, DateOnly to, Func<long, Money.Money> of)
    {
        var company = scope.Company;
        var number = account.Number.Value;
        var income = scope.AccountMap.Values.Where(a => a.Type is AccountType.Revenue or AccountType.Expense).Select(a => a.Number.Value).ToArray();
        var isIncome = account.Type is AccountType.Revenue or AccountType.Expense;
        var isRetained = account.Number == scope.Linked.RetainedEarnings;
        var yearStart = company.YearStartOf(from);

        // What the closes add up: the account's own activity for revenue and expenses, all income for Retained Earnings.
        var closed = isIncome ? new[] { number } : isRetained ? income : [];
        var closes = Closes(company, DailySums(scope, closed, yearStart, to), from, to, sign: isIncome ? -1 : 1);

        var opening = Sum(scope, [number], isIncome ? yearStart : DateOnly.MinValue, from);
        if (isRetained)
        {
            opening = checked(opening + Sum(scope, income, DateOnly.MinValue, yearStart));
        }

        var running = opening;
        var rows = new List<LedgerDetailRow>();
        var next = 0;
        void CloseBefore(DateOnly date)
        {
            for (; next < closes.Count && closes[next].Day < date; next++)
            {
                var amount = closes[next].Amount;
                running = checked(running + amount);
                rows.Add(new LedgerDetailRow(closes[next].Day, null, null, CloseMemo, of(Math.Max(amount, 0)), of(Math.Max(-amount, 0)), of(running)));
            }
        }

        foreach (var p in scope.Query<(string Date, long Entry, string Kind, string Memo, long Amount)>(
                     "SELECT e.date, e.id, e.kind, COALESCE(p.memo, e.memo), p.amount FROM entry e JOIN posting p ON p.entry_id = e.id " +
                     "WHERE e.date >= @From AND e.date <= @To AND p.account = @Account ORDER BY e.date, e.id, p.line_no",
                     new { From = SqlFormats.Date(from), To = SqlFormats.Date(to), Account = number }))
        {
            var date = SqlFormats.Date(p.Date);
            CloseBefore(date);
            running = checked(running + p.Amount);
            rows.Add(new LedgerDetailRow(date, new EntryId(p.Entry), Ledger.ParseKind(p.Kind), p.Memo, of(Math.Max(p.Amount, 0)), of(Math.Max(-p.Amount, 0)), of(running)));
        }

        CloseBefore(DateOnly.MaxValue);
        return (opening, rows, running);
    }

    /// <summary>
    /// The close of each fiscal year that ends in [from, to) - a year ending on <paramref name="to"/> is still open
    /// as of that day - from the daily sums of the closed accounts since the start of the year holding from (so the
    /// first year end is on or after from).
    /// </summary>
    private static List<(DateOnly Day, long Amount)> Closes(CompanySettings company, IEnumerable<(DateOnly Day, long Amount)> daily, DateOnly from, DateOnly to, int sign)
    {
        var closes = new List<(DateOnly, long)>();
        var yearEnd = YearEndOf(company, from);
        long year = 0;
        foreach (var (day, amount) in daily)
        {
            if (day > yearEnd)
            {
                if (year != 0)
                {
                    closes.Add((yearEnd, checked(sign * year)));
                }

                year = 0;
                yearEnd = YearEndOf(company, day);
            }

            year = checked(year + amount);
        }

        if (year != 0 && yearEnd < to)
        {
            closes.Add((yearEnd, checked(sign * year)));
        }

        return closes;
    }

    /// <summary>The last day of the fiscal year holding the date, as <see cref="CompanySettings.YearStartOf"/> counts years.</summary>
    private static DateOnly YearEndOf(CompanySettings company, DateOnly date)
    {
        if (company.FiscalYears.FirstOrDefault(y => y.Contains(date)) is { } kept)
        {
            return kept.End;
        }

        // Beyond the years kept the years are one year long; at the ends of the calendar no entry can be dated.
        var start = company.YearStartOf(date);
        return start.Year >= DateOnly.MaxValue.Year - 1 ? DateOnly.MaxValue : start.AddYears(1).AddDays(-1);
    }

    private static IEnumerable<(DateOnly Day, long Amount)> DailySums(BooksRead scope, int[] accounts, DateOnly from, DateOnly to) =>
        accounts.Length == 0
            ? []
            : scope.Query<(string Date, long Amount)>(
                    "SELECT date, SUM(amount) FROM account_day WHERE account IN @Accounts AND date >= @From AND date <= @To GROUP BY date ORDER BY date",
                    new { Accounts = accounts, From = SqlFormats.Date(from), To = SqlFormats.Date(to) })
                .Select(d => (SqlFormats.Date(d.Date), d.Amount));

    /// <summary>The accounts' postings dated in [from, before).</summary>
    private static long Sum(BooksRead scope, int[] accounts, DateOnly from, DateOnly before) =>
        accounts.Length == 0 || before <= from
            ? 0
            : scope.QuerySingleOrDefault<long?>(
                "SELECT SUM(amount) FROM account_day WHERE account IN @Accounts AND date >= @From AND date < @Before",
                new { Accounts = accounts, From = SqlFormats.Date(from), Before = SqlFormats.Date(before) }) ?? 0;
}
