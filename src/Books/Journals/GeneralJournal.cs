using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Journals;

/// <summary>The general journal: any balanced entry of at least two lines, in home currency, dated in the fiscal year.</summary>
public sealed class GeneralJournal
{
    private readonly BooksRead _scope;

    internal GeneralJournal(BooksRead scope) => _scope = scope;

    public Result<EntryId> Post(GeneralEntryDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        _scope.RequireWrite();
        var home = _scope.Company.HomeCurrency;
        if (draft.Lines.Count < 2)
        {
            return new TooFewLines(draft.Lines.Count);
        }

        var date = Ledger.CheckDate(_scope, draft.Date);
        if (!date.IsOk)
        {
            return date.Error;
        }

        var lines = new PostingLine[draft.Lines.Count];
        long debits = 0, credits = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = draft.Lines[i];
            if (line.Amount.Currency != home)
            {
                return new CurrencyMismatch(home.Code, line.Amount.Currency.Code, $"General journal line {i + 1}");
            }

            var account = Ledger.CheckAccount(_scope, line.Account);
            if (!account.IsOk)
            {
                return account.Error;
            }

            if (!AmountLimit.Check(line.Amount, $"General journal line {i + 1}").TryGetValue(out _, out var beyond))
            {
                return beyond;
            }

            var units = line.Amount.MinorUnits;
            if (units == 0)
            {
                return new ZeroJournalLine(i + 1, line.Account.Value);
            }
            if (units > 0)
            {
                debits = checked(debits + units);
            }
            else
            {
                credits = checked(credits - units);
            }

            lines[i] = new PostingLine(line.Account.Value, units, Memo: line.Memo);
        }

        if (debits != credits)
        {
            return new Unbalanced(Money.Money.FromMinorUnits(debits, home), Money.Money.FromMinorUnits(credits, home));
        }

        return Ledger.Post(_scope, EntryKind.General, draft.Date, draft.Memo ?? "", null, null, lines, draft.Memo ?? "");
    }

    /// <summary>Reverses a general entry (on its own date, or the replacement's when its own is locked) and posts <paramref name="replacement"/>.</summary>
    public Result<Adjusted<EntryId>> Adjust(EntryId entry, GeneralEntryDraft replacement, string reason)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        return _scope.Entries.ReverseOfKind(entry, EntryKind.General, replacement.Date, reason)
            .Then(reversal => Post(replacement).Map(id => new Adjusted<EntryId>(reversal, id)));
    }
}
