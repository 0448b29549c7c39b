using System.Globalization;
using BillingBooks.Books.Accounts;
using BillingBooks.Books.Customers;
using BillingBooks.Money;

namespace BillingBooks.Books.Journals;

/// <summary>A posted journal entry's id. A sales invoice and a receipt are identified by their entry's id.</summary>
public readonly record struct EntryId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public enum EntryKind
{
    Sale,
    Receipt,
    General,
    Reversal,
}

/// <summary>
/// One line of a posted entry. <see cref="Amount"/> is in home currency, debit positive and credit negative.
/// <see cref="Foreign"/> and <see cref="Rate"/> are set when the document was in a foreign currency.
/// </summary>
public sealed record EntryLine(AccountNumber Account, Money.Money Amount, Money.Money? Foreign, decimal? Rate, string? Memo)
{
    public Money.Money Debit => Amount.IsPositive ? Amount : Money.Money.Zero(Amount.Currency);

    public Money.Money Credit => Amount.IsNegative ? -Amount : Money.Money.Zero(Amount.Currency);
}

/// <summary>A posted entry. Never edited: <see cref="ReversedBy"/> is the only thing that changes, once.</summary>
public sealed record JournalEntry(
    EntryId Id,
    EntryKind Kind,
    DateOnly Date,
    string Memo,
    CustomerId? Customer,
    EntryId? Reverses,
    EntryId? ReversedBy,
    DateTimeOffset PostedAt,
    IReadOnlyList<EntryLine> Lines);

/// <summary>One line of the audit trail: an entry posted or reversed, when (from the clock) and what.</summary>
public sealed record AuditRecord(long Id, DateTimeOffset At, string Action, EntryId Entry, string Detail);

/// <summary>What an adjustment did: the reversal of the old version and the replacement posted after it.</summary>
public sealed record Adjusted<T>(EntryId Reversal, T Replacement);

/// <summary>A general journal line: <see cref="Amount"/> positive = debit, negative = credit, in home currency.</summary>
public sealed record GeneralLine(AccountNumber Account, Money.Money Amount, string? Memo = null)
{
    public static GeneralLine Debit(AccountNumber account, Money.Money amount, string? memo = null) => new(account, amount, memo);

    public static GeneralLine Credit(AccountNumber account, Money.Money amount, string? memo = null) => new(account, -amount, memo);
}

/// <summary>A general journal entry to post: any balanced entry of at least two lines.</summary>
public sealed record GeneralEntryDraft(DateOnly Date, string Memo, IReadOnlyList<GeneralLine> Lines);

/// <summary>A document's currency and its rate to <paramref name="Home"/> (home units per 1 unit; 1 when it is the home currency).</summary>
internal sealed record DocumentCurrency(Currency Currency, decimal Rate, Currency Home)
{
    public bool IsForeign => Currency != Home;
}
