using BillingBooks.Books.Journals;
using BillingBooks.Books.Storage;
using BillingBooks.Money;

namespace BillingBooks.Books.Reports;

/// <summary>
/// The sales and receipts journal reports as of their period, never as of today: a document is in the journal of
/// the period it is dated in, and its reversal in the journal of the period the reversal is dated in, as a row of its
/// own with the amounts negated. Every row counts in the total, so a period's total is what the ledger moved in it
/// (Accounts Receivable for sales, the deposit and card fee accounts for receipts), however later periods changed
/// things. A document shows as reversed only when its reversal is dated by the period's end.
/// </summary>
internal sealed class DocumentJournals(BooksRead scope)
{
    private Currency Home => scope.Company.HomeCurrency;

    public SalesJournalReport Sales(DateOnly from, DateOnly to)
    {
        var names = CustomerNames();
        var reversedByEnd = ReversedBy(from, to);
        var reversals = ReversalsBetween(from, to);
        var rows = scope.Sales.List(from, to)
            .Select(i => new SalesJournalRow(i.Entry, i.Date, i.Number, names[i.Customer.Value], i.Currency, i.Subtotal, i.Total - i.Subtotal, i.Total, i.HomeTotal, reversedByEnd.Contains(i.Entry.Value), null))
            .Concat(scope.Sales.ReversedBetween(from, to).Select(i =>
            {
                var (entry, date) = reversals[i.Entry.Value];
                return new SalesJournalRow(entry, date, i.Number, names[i.Customer.Value], i.Currency, -i.Subtotal, -(i.Total - i.Subtotal), -i.Total, -i.HomeTotal, false, i.Entry);
            }))
            .OrderBy(r => r.Date)
            .ThenBy(r => r.Entry.Value)
            .ToArray();
        return new SalesJournalReport(from, to, rows, Money.Money.Sum(rows.Select(r => r.Home), Home));
    }

    /// <summary>Home = the cash at the receipt's rate.</summary>
    public ReceiptsJournalReport Receipts(DateOnly from, DateOnly to)
    {
        var names = CustomerNames();
        var reversedByEnd = ReversedBy(from, to);
        var reversals = ReversalsBetween(from, to);
        var dated = scope.Receipts.List(from, to);
        var reversed = scope.Receipts.ReversedBetween(from, to);
        var numbers = InvoiceNumbers(dated.Concat(reversed));
        ReceiptsJournalRow Row(Receipt r, EntryId entry, DateOnly date, EntryId? reverses) => new(
            entry, date, names[r.Customer.Value], r.Method, r.Reference, Signed(r.Amount, reverses), Signed(r.Fee, reverses),
            Signed(Money.Money.FromMinorUnits(Documents.Home(r.Amount, new DocumentCurrency(r.Amount.Currency, r.Rate, Home)), Home), reverses),
            r.Allocations.Select(a => numbers[a.Invoice.Value]).ToArray(),
            reverses is null && reversedByEnd.Contains(r.Entry.Value),
            reverses);
        var rows = dated
            .Select(r => Row(r, r.Entry, r.Date, null))
            .Concat(reversed.Select(r => Row(r, reversals[r.Entry.Value].Entry, reversals[r.Entry.Value].Date, r.Entry)))
            .OrderBy(r => r.Date)
            .ThenBy(r => r.Entry.Value)
            .ToArray();
        return new ReceiptsJournalReport(from, to, rows, Money.Money.Sum(rows.Select(r => r.Home), Home));
    }

    /// <summary>A reversal's row undoes the document's amounts.</summary>
    private static Money.Money Signed(Money.Money amount, EntryId? reverses) => reverses is null ? amount : -amount;

    /// <summary>The entries dated in [from, to] whose reversal is dated by <paramref name="to"/>.</summary>
    private HashSet<long> ReversedBy(DateOnly from, DateOnly to) =>
        scope.Query<long>(
            "SELECT e.id FROM entry e JOIN entry x ON x.id = e.reversed_by WHERE e.date >= @From AND e.date <= @To AND x.date <= @To",
            new { From = SqlFormats.Date(from), To = SqlFormats.Date(to) }).ToHashSet();

    /// <summary>The reversals dated in [from, to], by the entry each reverses.</summary>
    private Dictionary<long, (EntryId Entry, DateOnly Date)> ReversalsBetween(DateOnly from, DateOnly to) =>
        scope.Query<(long Id, string Date, long Reverses)>(
                "SELECT id, date, reverses FROM entry WHERE kind = 'reversal' AND date >= @From AND date <= @To",
                new { From = SqlFormats.Date(from), To = SqlFormats.Date(to) })
            .ToDictionary(r => r.Reverses, r => (new EntryId(r.Id), SqlFormats.Date(r.Date)));

    private Dictionary<long, string> InvoiceNumbers(IEnumerable<Receipt> receipts) =>
        scope.Query<(long Entry, string Number)>(
                "SELECT entry_id, number FROM invoice WHERE entry_id IN @Ids", new { Ids = receipts.SelectMany(r => r.Allocations).Select(a => a.Invoice.Value).Distinct().ToArray() })
            .ToDictionary(r => r.Entry, r => r.Number);

    private Dictionary<long, string> CustomerNames() =>
        scope.Query<(long Id, string Name)>("SELECT id, name FROM customer").ToDictionary(c => c.Id, c => c.Name);
}
