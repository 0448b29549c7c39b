using BillingBooks.Books.Accounts;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Reports;

/// <summary>Account balances (home minor units, debit positive) from the per-account-per-day totals.</summary>
internal static class Balances
{
    /// <summary>Sum of every posting dated in [from, to] per account (from null = since the beginning).</summary>
    public static Dictionary<int, long> Between(BooksRead scope, DateOnly? from, DateOnly to) =>
        scope.Query<(long Account, long Amount)>(
                "SELECT account, SUM(amount) FROM account_day WHERE date >= @From AND date <= @To GROUP BY account",
                new { From = from is { } f ? SqlFormats.Date(f) : "0000-00-00", To = SqlFormats.Date(to) })
            .ToDictionary(r => checked((int)r.Account), r => r.Amount);

    public static Dictionary<int, long> AsOf(BooksRead scope, DateOnly date) => Between(scope, null, date);

    /// <summary>
    /// Balances as of the date with the books closed at every earlier fiscal year end: revenue and expense accounts
    /// hold only this fiscal year's activity, and the income of earlier years is in the Retained Earnings linked
    /// account. Also returns this year's net income (credit positive) - Current Earnings, which is never posted.
    /// </summary>
    public static (Dictionary<int, long> Balances, long CurrentIncome) Closed(BooksRead scope, DateOnly asOf)
    {
        var all = AsOf(scope, asOf);
        var yearStart = scope.Company.YearStartOf(asOf);
        var before = yearStart == DateOnly.MinValue ? [] : Between(scope, null, yearStart.AddDays(-1));
        bool IsIncome(int account) => scope.AccountMap.TryGetValue(account, out var a) && a.Type is AccountType.Revenue or AccountType.Expense;
        long priorIncome = 0, currentIncome = 0;
        foreach (var account in all.Keys.Where(IsIncome).ToArray())
        {
            var earlier = before.GetValueOrDefault(account);
            priorIncome = checked(priorIncome - earlier);
            currentIncome = checked(currentIncome - (all[account] - earlier));
            all[account] = checked(all[account] - earlier);
        }

        var retained = scope.Linked.RetainedEarnings.Value;
        all[retained] = checked(all.GetValueOrDefault(retained) - priorIncome);
        return (all, currentIncome);
    }
}
