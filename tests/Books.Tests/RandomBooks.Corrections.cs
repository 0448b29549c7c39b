using BillingBooks.Books.Accounts;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Storage;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests;

public static partial class RandomBooks
{
    private static readonly int[] GeneralAccounts = [1060, 1080, 1320, 2100, 3010, 4200, 5100, 5200];

    /// <summary>A two-line general entry of up to 1,000.00 between any two of a few accounts.</summary>
    private static Result<EntryId> General(BooksWrite w, BooksOp op) => w.General.Post(GeneralDraft(Date(w, op), op));

    private static GeneralEntryDraft GeneralDraft(DateOnly date, BooksOp op)
    {
        var amount = Cad((1 + (op.C % 100_000)) / 100m);
        return new GeneralEntryDraft(date, "entry " + op.C, [
            GeneralLine.Debit(new AccountNumber(GeneralAccounts[op.A % GeneralAccounts.Length]), amount),
            GeneralLine.Credit(new AccountNumber(GeneralAccounts[op.B % GeneralAccounts.Length]), amount)]);
    }

    /// <summary>Any entry in force reversed (a sale that receipts pay is refused), on a day of the open period or (Flag) the day the books choose.</summary>
    private static Result<EntryId> Reverse(BooksWrite w, BooksOp op)
    {
        var entries = w.Entries.List().Where(e => e.Kind != EntryKind.Reversal && e.ReversedBy is null).ToArray();
        if (entries.Length == 0)
        {
            return Nothing("nothing to reverse");
        }

        var entry = entries[op.A % entries.Length];
        // Half the time the date is left to the books (today, or later when the entry or the lock date is later).
        return w.Entries.Reverse(entry.Id, op.Flag ? null : Latest(Date(w, op), entry.Date), "random");
    }
}
