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

    /// <summary>
    /// A general entry in force corrected (General.Adjust): replaced by another amount between other accounts, on its
    /// own date (Flag) or a day in the open period. Posted, the entry reversed by the adjustment's reversal; or, when
    /// the entry and its replacement are both dated before the lock date, refused (AdjustmentInLockedPeriod) with the
    /// books unchanged.
    /// </summary>
    private static void AdjustGeneral(TestCompany company, BooksOp op)
    {
        var plan = company.Read(r =>
        {
            var entries = r.Entries.List().Where(e => e.Kind == EntryKind.General && e.ReversedBy is null).ToArray();
            if (entries.Length == 0 || OpenPeriod(r).Days == 0)
            {
                return null;
            }

            var entry = entries[op.A % entries.Length];
            return ((JournalEntry Entry, GeneralEntryDraft Replacement, DateOnly LockedBefore)?)(entry, GeneralDraft(op.Flag ? entry.Date : Date(r, op), op), OpenPeriod(r).From);
        });
        if (plan is not var (original, replacement, lockedBefore))
        {
            return;
        }

        if (replacement.Date < lockedBefore)
        {
            var error = Refused(company, w => w.General.Adjust(original.Id, replacement, "random"), "A locked entry adjusted into the locked period");
            Assert.Equal(new AdjustmentInLockedPeriod(original.Id, original.Date, lockedBefore, replacement.Date), error);
            return;
        }

        var adjusted = company.Ok(w => w.General.Adjust(original.Id, replacement, "random"));
        Assert.Equal(adjusted.Reversal, company.Read(r => r.Entries.Get(original.Id).Value.ReversedBy));
    }

    /// <summary>
    /// An invoice that receipts in force pay: reversing it is refused (InvoiceHasReceipts, naming them) with the books
    /// unchanged. Reversing those receipts first, then the invoice, on days of the open period or (Flag) the days the
    /// books choose, is not: each receipt gives back all it allocated, so the other invoices it paid owe that again.
    /// </summary>
    private static void ReversePaidInvoice(TestCompany company, BooksOp op)
    {
        var plan = company.Read(r =>
        {
            var receipts = r.Receipts.List(DateOnly.MinValue, DateOnly.MaxValue).Where(x => !x.Reversed).ToArray();
            var paid = receipts.SelectMany(x => x.Allocations).Select(a => a.Invoice).Distinct().OrderBy(e => e.Value).ToArray();
            if (paid.Length == 0 || OpenPeriod(r).Days == 0)
            {
                return null;
            }

            var invoice = r.Sales.Get(paid[op.A % paid.Length]).Value;
            var by = receipts.Where(x => x.Allocations.Any(a => a.Invoice == invoice.Entry)).OrderBy(x => x.Entry.Value).ToArray();
            var others = by.SelectMany(x => x.Allocations).Where(a => a.Invoice != invoice.Entry).GroupBy(a => a.Invoice)
                .Select(g => (Invoice: r.Sales.Get(g.Key).Value, GivenBack: Money.Money.Sum(g.Select(a => a.Amount), invoice.Currency)))
                .ToArray();
            return ((Invoice Invoice, Receipt[] By, (Invoice Invoice, Money.Money GivenBack)[] Others)?)(invoice, by, others);
        });
        if (plan is not var (paidInvoice, receipts, others))
        {
            return;
        }

        var refused = Assert.IsType<InvoiceHasReceipts>(Refused(company, w => w.Entries.Reverse(paidInvoice.Entry, null, "random"), "A paid invoice reversed"));
        Assert.Equal(paidInvoice.Number, refused.Number);
        Assert.Equal(receipts.Select(x => x.Entry), refused.Receipts);

        company.Ok(w =>
        {
            foreach (var receipt in receipts)
            {
                if (!w.Entries.Reverse(receipt.Entry, op.Flag ? null : Latest(Date(w, op), receipt.Date), "random").TryGetValue(out _, out var error))
                {
                    return error;
                }
            }

            var earliest = w.Entries.EarliestReversalDate(paidInvoice.Entry).Value;
            return w.Entries.Reverse(paidInvoice.Entry, op.Flag ? null : Latest(Date(w, op), earliest), "random");
        });
        Assert.True(company.Read(r => r.Sales.Get(paidInvoice.Entry).Value.Reversed), $"Invoice {paidInvoice.Number} is still in force.");
        foreach (var (other, givenBack) in others)
        {
            Assert.Equal(other.Owing + givenBack, company.Read(r => r.Sales.Get(other.Entry).Value.Owing));
        }
    }
}
