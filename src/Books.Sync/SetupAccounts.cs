using BillingBooks.Books.Accounts;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Sync;

/// <summary>
/// Checks the accounts given for the Synchronization Setup against the company's chart, before they are saved
/// and before Billing is asked anything: the sync would otherwise post every payment to an account a receipt
/// could never use (or fail on the settings' foreign key mid-run).
/// </summary>
public static class SetupAccounts
{
    public static SyncError? Check(BooksRead scope, SetupAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(answers);
        var linked = scope.LinkedAccounts.Get();
        if (answers.TrackSales is { } sales && sales != linked.DefaultRevenue.Value && TrackSales(scope, sales, linked.DefaultRevenue.Value) is { } salesError)
            return salesError;
        foreach (var (flag, number) in new[] { ("--track-payments", answers.TrackPayments), ("--paypal-account", answers.PayPalAccount), ("--other-payments-account", answers.OtherPaymentsAccount) })
        {
            if (number is { } account && Deposit(scope, flag, account) is { } error) return error;
        }
        return null;
    }

    /// <summary>
    /// An account a receipt may deposit to (<see cref="ChartOfAccounts.ForDeposits"/>, the receipts journal's own rule),
    /// its refusal said for the flag that named it.
    /// </summary>
    private static SyncError? Deposit(BooksRead scope, string flag, int number) =>
        scope.Accounts.ForDeposits(new AccountNumber(number)).TryGetValue(out _, out var refusal) ? null : refusal switch
        {
            UnknownAccount => new SyncError.NoSuchPaymentsAccount(flag, number),
            InactiveAccount => new SyncError.NotAPaymentsAccount(flag, number, $"is inactive (make it active with `books accounts activate {number}`, or give another)"),
            ReservedAccount { Role: "Accounts Receivable" } => new SyncError.NotAPaymentsAccount(flag, number, "is the Accounts Receivable linked account, which only Books' sales and receipts post to"),
            ReservedAccount => new SyncError.NotAPaymentsAccount(flag, number, "is the Current Earnings linked account, which is computed"),
            _ => new SyncError.NotAPaymentsAccount(flag, number, $"is {Kind(scope.Accounts.Get(new AccountNumber(number)).Value.Type)} account"),
        };

    /// <summary>Only an account that could be linked as Default Revenue gets the command that links it.</summary>
    private static SyncError.NotARevenueAccount? TrackSales(BooksRead scope, int number, int defaultRevenue)
    {
        if (!scope.Accounts.Get(new AccountNumber(number)).TryGetValue(out var account, out _)) return new SyncError.NotARevenueAccount(number, "does not exist", defaultRevenue);
        return account.Type == AccountType.Revenue ? null : new SyncError.NotARevenueAccount(number, $"is {Kind(account.Type)} account, not a revenue account", defaultRevenue);
    }

    private static string Kind(AccountType type) =>
        (type is AccountType.Asset or AccountType.Equity or AccountType.Expense ? "an " : "a ") + AccountTypes.Name(type);
}
