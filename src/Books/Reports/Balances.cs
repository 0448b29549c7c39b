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
}
