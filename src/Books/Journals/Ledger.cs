using System.Runtime.InteropServices;
using BillingBooks.Books.Accounts;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Journals;

/// <summary>One posting line in minor units: home amount (debit +), and the foreign amount/rate when foreign.</summary>
internal readonly record struct PostingLine(int Account, long Amount, string? Currency = null, long? ForeignAmount = null, decimal? Rate = null, string? Memo = null);

/// <summary>
/// The one place entries are written: entry row, posting lines, per-account-per-day totals and the audit trail,
/// queued on the scope and written many rows per statement before the next query or the commit (the posting hot
/// path). Callers validate first; an unbalanced entry reaching here is a bug.
/// </summary>
internal static class Ledger
{
    /// <summary>Entries may be dated from the lock date (at the earliest the books' first day) to the end of the current fiscal year.</summary>
    public static Result<Unit> CheckDate(BooksRead scope, DateOnly date)
    {
        var company = scope.Company;
        if (date > company.FiscalYearEnd || date < company.FirstDay)
        {
            return new OutsideFiscalYear(date, company.LockedBefore, company.FiscalYearEnd);
        }

        return date < company.LockedBefore ? new BooksLocked(date, company.LockedBefore) : Unit.Value;
    }

    /// <summary>
    /// An account a journal may post to: it exists, is active, and is not one only Books posts to
    /// (Accounts Receivable unless <paramref name="receivable"/>; Current Earnings never).
    /// </summary>
    public static Result<Account> CheckAccount(BooksRead scope, AccountNumber number, bool receivable = false)
    {
        if (!scope.AccountMap.TryGetValue(number.Value, out var account))
        {
            return new UnknownAccount(number.Value);
        }

        if (!account.Active)
        {
            return new InactiveAccount(number.Value);
        }

        var linked = scope.Linked;
        if (number == linked.CurrentEarnings)
        {
            return new ReservedAccount(number.Value, "Current Earnings");
        }

        if (!receivable && number == linked.AccountsReceivable)
        {
            return new ReservedAccount(number.Value, "Accounts Receivable");
        }

        return account;
    }

    /// <summary>
    /// An account a receipt may deposit to: one a journal may post to (<see cref="CheckAccount"/>) that is an asset -
    /// money received lands in a bank or cash account. The sync's payments accounts are checked by the same rule.
    /// </summary>
    public static Result<Account> CheckDepositAccount(BooksRead scope, AccountNumber number) =>
        CheckAccount(scope, number).Then(account => account.Type == AccountType.Asset
            ? Result<Account>.Ok(account)
            : new NotADepositAccount(number.Value, AccountTypes.Name(account.Type)));

    /// <summary>
    /// Queues the entry after checking it against <see cref="AmountLimit"/> (lines, total, resulting balances;
    /// reversals are exempt). Any other rule is the caller's: an unbalanced entry reaching here is a bug.
    /// </summary>
    public static Result<EntryId> Post(
        BooksRead scope,
        EntryKind kind,
        DateOnly date,
        string memo,
        CustomerId? customer,
        EntryId? reverses,
        IReadOnlyList<PostingLine> lines,
        string detail)
    {
        scope.RequireWrite();
        long sum = 0;
        foreach (var line in lines)
        {
            sum = checked(sum + line.Amount);
        }

        if (sum != 0 || lines.Count < 2)
        {
            throw new InvalidOperationException($"Bug: a {kind} entry reached the ledger unbalanced ({sum}) or with {lines.Count} lines.");
        }

        if (reverses is null && !WithinLimits(scope, lines).TryGetValue(out _, out var beyond))
        {
            return beyond;
        }

        var id = scope.NextEntryId();
        var at = SqlFormats.Instant(scope.Clock.GetUtcNow());
        scope.AddEntry(id, KindName(kind), SqlFormats.Date(date), memo, customer?.Value, reverses?.Value, at);
        var totals = AccountTotals(scope);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            scope.AddPosting(id, i + 1, line.Account, line.Amount, line.Currency, line.ForeignAmount, line.Rate is { } r ? SqlFormats.Decimal(r) : null, line.Memo);
            scope.AddToDay(line.Account, date, line.Amount);
            CollectionsMarshal.GetValueRefOrAddDefault(totals, line.Account, out _) += line.Amount;
        }

        scope.AddAudit(at, reverses is null ? "post" : "reverse", id, detail);
        return new EntryId(id);
    }

    public static string KindName(EntryKind kind) => kind switch
    {
        EntryKind.Sale => "sale",
        EntryKind.Receipt => "receipt",
        EntryKind.General => "general",
        EntryKind.Reversal => "reversal",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static EntryKind ParseKind(string stored) => stored switch
    {
        "sale" => EntryKind.Sale,
        "receipt" => EntryKind.Receipt,
        "general" => EntryKind.General,
        "reversal" => EntryKind.Reversal,
        _ => throw new InvalidOperationException($"Stored entry kind '{stored}' is unknown."),
    };

    private static Result<Unit> WithinLimits(BooksRead scope, IReadOnlyList<PostingLine> lines)
    {
        // Compared in minor units (longs): this runs for every entry posted, the money is only made for a refusal.
        const long max = AmountLimit.MaxMinorUnits;
        var home = scope.Company.HomeCurrency;
        long debits = 0;
        foreach (var line in lines)
        {
            if (line.Amount is > max or < -max)
            {
                return new AmountBeyondLimit($"The line on account {line.Account}", Money.Money.FromMinorUnits(line.Amount, home), AmountLimit.Max(home));
            }

            if (line.ForeignAmount is > max or < -max && line.Currency is { } code)
            {
                var currency = Money.Currency.Get(code);
                return new AmountBeyondLimit($"The line on account {line.Account}", Money.Money.FromMinorUnits(line.ForeignAmount.Value, currency), AmountLimit.Max(currency));
            }

            debits += Math.Max(line.Amount, 0);
        }

        if (debits > max)
        {
            return new AmountBeyondLimit("The entry's total", Money.Money.FromMinorUnits(debits, home), AmountLimit.Max(home));
        }

        // A balance may end beyond the limit only by coming back towards zero (from an older file's excess).
        // Entries have a handful of lines: summing an account's lines in a nested loop allocates nothing (hot path).
        var totals = AccountTotals(scope);
        for (var i = 0; i < lines.Count; i++)
        {
            var account = lines[i].Account;
            var now = totals.GetValueOrDefault(account);
            var after = now;
            for (var j = 0; j < lines.Count; j++)
            {
                after += lines[j].Account == account ? lines[j].Amount : 0;
            }

            if (Math.Abs(after) > AmountLimit.MaxMinorUnits && Math.Abs(after) > Math.Abs(now))
            {
                return new AccountBalanceBeyondLimit(account, Money.Money.FromMinorUnits(after, home), AmountLimit.Max(home), account == scope.Linked.AccountsReceivable.Value);
            }
        }

        return Unit.Value;
    }

    /// <summary>
    /// Every account's balance over all dates (minor units), read once per write scope and kept up to date by
    /// <see cref="Post"/>. total() (a float) never fails on an older file's overflowing amounts; it is exact up to
    /// 2^53, far above the limit it is compared with.
    /// </summary>
    private static Dictionary<int, long> AccountTotals(BooksRead scope) =>
        scope.AccountTotals ??= scope.Query<(long Account, double Total)>("SELECT account, total(amount) FROM account_day GROUP BY account")
            .ToDictionary(r => checked((int)r.Account), r => (long)Math.Clamp(r.Total, -Clamp, Clamp));

    /// <summary>Where an older file's excessive totals are held: far beyond the limit, and far from overflowing when lines are added.</summary>
    private const double Clamp = 1e18;
}
