using BillingBooks.Books.Accounts;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Storage;
using BillingBooks.Money;

namespace BillingBooks.Books.Journals;

/// <summary>
/// Every posted entry, whatever journal it came from: look-up, listing, reversal and the audit trail.
/// Reversing a sale that has receipts allocated is refused (reverse the receipts first): undoing money that was
/// received is a decision the user makes, not a side effect.
/// </summary>
public sealed class EntryLedger
{
    private const string EntryColumns = "id, kind, date, memo, customer_id AS Customer, reverses, reversed_by AS ReversedBy, posted_at AS PostedAt";

    private readonly BooksRead _scope;

    internal EntryLedger(BooksRead scope) => _scope = scope;

    public Result<JournalEntry> Get(EntryId id)
    {
        var row = _scope.QuerySingleOrDefault<EntryRow>($"SELECT {EntryColumns} FROM entry WHERE id = @Value", new { id.Value });
        return row is null ? new UnknownEntry(id) : ToEntries([row])[0];
    }

    /// <summary>Entries dated in [from, to] (either end open when null), in date then id order.</summary>
    public IReadOnlyList<JournalEntry> List(DateOnly? from = null, DateOnly? to = null)
    {
        var rows = _scope.Query<EntryRow>(
            $"SELECT {EntryColumns} FROM entry WHERE date >= @From AND date <= @To ORDER BY date, id",
            new { From = from is { } f ? SqlFormats.Date(f) : "0000-00-00", To = to is { } t ? SqlFormats.Date(t) : "9999-99-99" }).ToArray();
        return ToEntries(rows);
    }

    public IReadOnlyList<AuditRecord> AuditTrail() =>
        _scope.Query<(long Id, string At, string Action, long Entry, string Detail)>("SELECT id, at, action, entry_id, detail FROM audit_trail ORDER BY id")
            .Select(r => new AuditRecord(r.Id, SqlFormats.Instant(r.At), r.Action, new EntryId(r.Entry), r.Detail))
            .ToArray();

    /// <summary>
    /// Posts the exact opposite of an entry, dated <paramref name="date"/> (null: the day it is made, or the
    /// earliest day it may be when that is later: the lock date included, so an entry of a locked period is
    /// reversed in the open one), and marks both. Never dated before the entry, nor - for a sale - before the
    /// reversal of a receipt that paid it (<see cref="EarliestReversalDate"/>). A reversed receipt gives its
    /// allocations back to the invoices; a sale with receipts allocated is refused (<see cref="InvoiceHasReceipts"/>)
    /// before any date is looked at: whatever the date, those receipts must be reversed first.
    /// </summary>
    public Result<EntryId> Reverse(EntryId id, DateOnly? date, string reason)
    {
        _scope.RequireWrite();
        if (!Get(id).TryGetValue(out var entry, out var error))
        {
            return error;
        }

        if (entry.Kind == EntryKind.Reversal)
        {
            return new CannotReverseReversal(id);
        }

        if (entry.ReversedBy is { } by)
        {
            return new AlreadyReversed(id, by);
        }

        if (entry.Kind == EntryKind.Sale && !_scope.Sales.CheckNoReceipts(id).TryGetValue(out _, out error))
        {
            return error;
        }

        var (earliest, receipt) = Earliest(entry);
        var today = DateOnly.FromDateTime(_scope.Clock.GetLocalNow().DateTime);
        var on = date ?? Latest(today, earliest, _scope.Company.LockedBefore);
        if (on < entry.Date)
        {
            return new ReversalBeforeEntry(id, entry.Date, on);
        }

        if (on < earliest && receipt is { } paidBy)
        {
            return new ReversalBeforeReceiptReversal(_scope.Sales.Get(id).Value.Number, paidBy, earliest);
        }

        var inYear = Ledger.CheckDate(_scope, on);
        if (!inYear.IsOk)
        {
            return inYear.Error;
        }

        var undone = entry.Kind switch
        {
            EntryKind.Sale => _scope.Sales.MarkReversed(id),
            EntryKind.Receipt => _scope.Receipts.MarkReversed(id),
            _ => Unit.Value,
        };
        if (!undone.IsOk)
        {
            return undone.Error;
        }

        var lines = entry.Lines
            .Select(l => new PostingLine(l.Account.Value, -l.Amount.MinorUnits, l.Foreign?.Currency.Code, l.Foreign is { } f ? -f.MinorUnits : null, l.Rate, l.Memo))
            .ToArray();
        var memo = $"Reversal of entry {id}: {reason}";
        return Ledger.Post(_scope, EntryKind.Reversal, on, memo, entry.Customer, id, lines, memo).Map(reversal =>
        {
            _scope.Execute("UPDATE entry SET reversed_by = @By WHERE id = @Id", new { By = reversal.Value, Id = id.Value });
            return reversal;
        });
    }

    /// <summary>
    /// The first half of an adjustment: reverses an entry of the expected kind on its own date (or the earliest day
    /// it may be reversed), so the period it was in keeps only the corrected version. When that day is locked, the
    /// reversal is dated with the corrected version (<paramref name="correctedOn"/>), which must then be in the open
    /// period: the correction moves there whole, as a bookkeeper would post it by hand.
    /// </summary>
    internal Result<EntryId> ReverseOfKind(EntryId id, EntryKind kind, DateOnly correctedOn, string reason)
    {
        _scope.RequireWrite();
        if (!Get(id).TryGetValue(out var entry, out var error))
        {
            return error;
        }

        if (entry.Kind != kind)
        {
            return new WrongEntryKind(id, Ledger.KindName(entry.Kind), Ledger.KindName(kind));
        }

        // Receipts allocated come first: no date would let the invoice be reversed while they stand.
        if (kind == EntryKind.Sale && !_scope.Sales.CheckNoReceipts(id).TryGetValue(out _, out error))
        {
            return error;
        }

        var on = Earliest(entry).Day;
        var lockedBefore = _scope.Company.LockedBefore;
        if (on < lockedBefore && entry.ReversedBy is null)
        {
            if (correctedOn < lockedBefore)
            {
                return new AdjustmentInLockedPeriod(id, entry.Date, lockedBefore, correctedOn);
            }

            on = correctedOn;
        }

        return Reverse(id, on, "adjusted: " + reason);
    }

    private static DateOnly Latest(DateOnly a, DateOnly b, DateOnly c) => a > b ? (a > c ? a : c) : (b > c ? b : c);

    /// <summary>
    /// The earliest day an entry may be reversed on: its own date, or for a sale the day a receipt that paid it was
    /// reversed, if later. Before that day the receipt still counts in the ledger while the reversed invoice no
    /// longer owes, so Accounts Receivable would disagree with the customers' balances (a receipt reversed on its
    /// own date never counted, as when Books.Sync re-posts a changed invoice).
    /// </summary>
    public Result<DateOnly> EarliestReversalDate(EntryId id) => Get(id).Map(entry => Earliest(entry).Day);

    private (DateOnly Day, EntryId? Receipt) Earliest(JournalEntry entry)
    {
        if (entry.Kind != EntryKind.Sale)
        {
            return (entry.Date, null);
        }

        var latest = _scope.QuerySingleOrDefault<(long Receipt, string Date)?>(
            """
            SELECT re.id, x.date FROM allocation a JOIN entry re ON re.id = a.receipt_id JOIN entry x ON x.id = re.reversed_by
            WHERE a.invoice_id = @Value AND x.date > re.date ORDER BY x.date DESC, re.id LIMIT 1
            """,
            new { entry.Id.Value });
        return latest is { } l && SqlFormats.Date(l.Date) > entry.Date ? (SqlFormats.Date(l.Date), new EntryId(l.Receipt)) : (entry.Date, null);
    }

    private JournalEntry[] ToEntries(IReadOnlyList<EntryRow> rows)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var home = _scope.Company.HomeCurrency;
        var lines = _scope.Query<PostingRow>(
                "SELECT entry_id AS Entry, account, amount, currency, foreign_amount AS ForeignAmount, rate, memo FROM posting WHERE entry_id BETWEEN @Low AND @High ORDER BY entry_id, line_no",
                new { Low = rows.Min(r => r.Id), High = rows.Max(r => r.Id) })
            .ToLookup(p => p.Entry);
        return rows.Select(r => new JournalEntry(
                new EntryId(r.Id),
                Ledger.ParseKind(r.Kind),
                SqlFormats.Date(r.Date),
                r.Memo,
                r.Customer is { } c ? new CustomerId(c) : null,
                r.Reverses is { } rev ? new EntryId(rev) : null,
                r.ReversedBy is { } by ? new EntryId(by) : null,
                SqlFormats.Instant(r.PostedAt),
                lines[r.Id].Select(p => p.ToLine(home)).ToArray()))
            .ToArray();
    }

    private sealed record EntryRow(long Id, string Kind, string Date, string Memo, long? Customer, long? Reverses, long? ReversedBy, string PostedAt);

    private sealed record PostingRow(long Entry, long Account, long Amount, string? Currency, long? ForeignAmount, string? Rate, string? Memo)
    {
        public EntryLine ToLine(Currency home) => new(
            new AccountNumber(checked((int)Account)),
            Money.Money.FromMinorUnits(Amount, home),
            Currency is { } code && ForeignAmount is { } foreign ? Money.Money.FromMinorUnits(foreign, Money.Currency.Get(code)) : null,
            Rate is { } rate ? SqlFormats.Decimal(rate) : null,
            Memo);
    }
}
