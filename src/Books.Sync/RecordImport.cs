using System.Globalization;
using System.Text.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Sync.Client;
using BillingBooks.Books.Sync.Mapping;
using BillingBooks.Books.Sync.Storage;
using BillingBooks.Money;

namespace BillingBooks.Books.Sync;

/// <summary>
/// Applies feed items to the books inside one write scope (SPEC 3.3/3.4). Each item is all-or-nothing: it posts
/// with its source reference, or it is quarantined with its fix, or - already imported - it is skipped. Adjusting
/// an invoice that has imported receipts reverses those receipts first and re-posts them against the new version,
/// so no allocation ever points at a reversed invoice.
/// </summary>
/// <remarks>
/// All-or-nothing is cheap in the usual case: a record that Books refuses is nearly always refused before anything
/// is written, so a first pass runs without savepoints (a savepoint per record cost about 10% of a first sync, and
/// one savepoint over many records costs more: SQLite rewinds its journal at every statement). A record that fails
/// after writing - an adjustment whose new version Books refuses once the old one is reversed - stops that pass
/// (<see cref="ImportPass.MustUndo"/>): the caller rolls the transaction back and runs it again carefully, with a
/// savepoint per record.
/// </remarks>
internal sealed class RecordImport(SyncStore store, BooksPostings books, BooksSetup setup, string dataset, TimeProvider time, SyncTally tally, ImportPass pass)
{
    private const string RecordSavepoint = "sync_record";

    /// <summary>Applies a page of feed items in order, after reading what Books knows of them in one go.</summary>
    public void Apply(IReadOnlyList<FeedItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var chunk in items.Chunk(2000))
        {
            store.Prefetch(dataset, chunk.SelectMany(i => Related(i.Change)));
            foreach (var item in chunk)
            {
                if (pass.MustUndo) return;
                Apply(item);
            }
        }
    }

    public void Apply(FeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var change = item.Change;
        var source = new SourceRef(dataset, change.Kind, change.Id, change.Version);
        var latest = store.Latest(dataset, source.Record);
        if (latest is not null && (latest.Version > change.Version || (latest.Version == change.Version && (latest.Live || latest.Deleted || change.Kind == ChangeKinds.Customer))))
        {
            // Already imported (a retried page, a second run) or older than what Books has: nothing to do.
            if (store.ConflictVersion(dataset, source.Record) <= latest.Version) store.Release(dataset, source.Record);
            tally.Unchanged(change.Kind);
            return;
        }

        // The client refuses a page with an item it cannot read (FeedItems); an older Books kept such items in conflict
        // unchecked. One stays there, for what it is, until Billing sends its next version.
        if (FeedItems.Unreadable(change) is { } unreadable)
        {
            store.Quarantine(dataset, new SyncIssue(source.Record, source.Version, $"Billing {source.Record}", unreadable + "; it waits for its next version from Billing", null),
                change, item.Json, time.GetUtcNow());
            return;
        }

        var issue = Undoable(() => Import(item, source, latest));
        if (pass.MustUndo) return;
        if (issue is null)
        {
            store.Release(dataset, source.Record);
            return;
        }
        store.Quarantine(dataset, issue, change, item.Json, time.GetUtcNow());
    }

    /// <summary>
    /// Customers imported in the home currency because Books could not hold theirs (foreign currency off, or not added)
    /// take it once Books can: their invoices then post to a customer of their currency. Run when the set-up changed.
    /// </summary>
    public void AdoptCustomerCurrencies()
    {
        foreach (var (customer, currency) in store.CustomersInAnotherCurrency(dataset)) books.AdoptCurrency(customer, currency);
    }

    /// <summary>The records an item's import looks up: itself, its customer, the invoices a payment pays (as far as the item says: it may be unreadable).</summary>
    private static IEnumerable<RecordKey> Related(Change change)
    {
        yield return new RecordKey(change.Kind, change.Id);
        if (change.Invoice?.CustomerId is { } invoiceCustomer) yield return new RecordKey(ChangeKinds.Customer, invoiceCustomer);
        if (change.Payment is { } payment)
        {
            if (payment.CustomerId is { } customer) yield return new RecordKey(ChangeKinds.Customer, customer);
            foreach (var application in payment.Applications ?? [])
            {
                if (application?.InvoiceId is { } invoice) yield return new RecordKey(ChangeKinds.Invoice, invoice);
            }
        }
    }

    private SyncIssue? Import(FeedItem item, SourceRef source, ImportedVersion? latest) => item.Change.Kind switch
    {
        ChangeKinds.Customer => ImportCustomer(item, source, latest),
        ChangeKinds.Invoice => ImportInvoice(item, source, latest),
        ChangeKinds.Payment => ImportPayment(item, source, latest),
        _ => null, // a kind this Books does not know yet: skip it rather than stop the sync
    };

    private SyncIssue? ImportCustomer(FeedItem item, SourceRef source, ImportedVersion? latest)
    {
        var change = item.Change;
        var draft = PostingRules.Customer(source, change);
        var id = books.UpsertCustomer(draft, ExternalReference(change.Id));
        store.Imported(source, id, change.Deleted, item.Json, time.GetUtcNow()); // never the version Books has (skipped above)
        tally.Customer(latest is null);
        return null;
    }

    private SyncIssue? ImportInvoice(FeedItem item, SourceRef source, ImportedVersion? latest)
    {
        var change = item.Change;
        var invoice = change.Invoice ?? throw new InvalidOperationException($"Bug: feed item {source} has no invoice; the client refuses such a page (FeedItems).");
        var live = latest is { Live: true } ? latest : null;
        // An invoice edited down to nothing (Billing allows it while unpaid) charges nothing, and Books posts no
        // invoice of nothing: like a void, its entry is reversed; an edit that charges again posts it anew.
        if (change.Deleted || invoice.Status == InvoiceStatuses.Void || ChargesNothing(invoice))
        {
            if (live is not null)
            {
                var reversed = ReverseInvoice(live, change.Deleted ? "deleted" : invoice.Status == InvoiceStatuses.Void ? "voided" : "edited down to 0.00", out var suspended);
                if (reversed is not null) return reversed;
                Record(source, null, deleted: true, item, latest);
                RepostReceipts(suspended);
                tally.InvoiceReversed();
            }
            else
            {
                Record(source, null, deleted: true, item, latest);
            }
            return null;
        }

        if (live is not null && store.Payload(live.Source).Invoice is { } asPosted && OnlyPaymentsDiffer(asPosted, invoice))
        {
            // Billing records a payment on the invoice too (status, paid, owing: a new version in the feed), but what
            // Books posted is unchanged: the entry stands and now belongs to this version; the receipt posts on its own.
            store.Imported(source, live.Entry, deleted: false, item.Json, time.GetUtcNow());
            store.Superseded(live.Source);
            tally.Unchanged(ChangeKinds.Invoice);
            return null;
        }

        if (BooksCustomer(invoice.CustomerId) is not { } customerId)
            return new SyncIssue(source.Record, source.Version, $"Invoice {invoice.Number}", $"waits for its customer {invoice.CustomerId}, not imported yet", null);
        var mapped = PostingRules.Invoice(source, invoice, setup, books.CustomerRevenueAccount(customerId));
        if (mapped.Issue is { } issue) return issue;

        var receipts = new List<ImportedVersion>();
        if (live is not null && ReverseInvoice(live, "changed", out receipts) is { } blocked) return blocked;
        var posted = books.PostSale(mapped.Draft!, customerId);
        if (!posted.IsOk) return SaleRefused(source, $"Invoice {invoice.Number}", posted.Error);
        Record(source, posted.Value, deleted: false, item, latest);
        RepostReceipts(receipts);
        if (live is null) tally.InvoiceImported(); else tally.InvoiceAdjusted();
        return null;
    }

    private SyncIssue? ImportPayment(FeedItem item, SourceRef source, ImportedVersion? latest)
    {
        var change = item.Change;
        var payment = change.Payment ?? throw new InvalidOperationException($"Bug: feed item {source} has no payment; the client refuses such a page (FeedItems).");
        var live = latest is { Live: true } ? latest : null;
        if (change.Deleted)
        {
            if (live is not null)
            {
                var reversal = books.Reverse(live.Entry!.Value, $"{EntryMemos.Receipt(payment, setup)} deleted in Billing");
                if (!reversal.IsOk) return new SyncIssue(source.Record, source.Version, Label(payment), reversal.Error.Message, null);
                store.Reversed(live.Source, reversal.Value);
                tally.PaymentReversed();
            }
            Record(source, null, deleted: true, item, latest);
            return null;
        }

        var issue = PostReceipt(source, payment, live, out var entry);
        if (issue is not null) return issue;
        Record(source, entry, deleted: false, item, latest);
        if (live is null && latest?.Version != source.Version) tally.PaymentImported();
        else if (live is not null) tally.PaymentAdjusted();
        return null;
    }

    private SyncIssue? PostReceipt(SourceRef source, PaymentDocument payment, ImportedVersion? live, out EntryId entry)
    {
        entry = default;
        if (BooksCustomer(payment.CustomerId) is not { } customerId)
            return new SyncIssue(source.Record, source.Version, Label(payment), $"waits for its customer {payment.CustomerId}, not imported yet", null);
        var mapped = PostingRules.Payment(source, payment, setup, WaitingFor);
        if (mapped.Issue is { } issue) return issue;
        if (live is not null)
        {
            var reversal = books.Reverse(live.Entry!.Value, $"{EntryMemos.Receipt(store.Payload(live.Source).Payment ?? payment, setup)} changed in Billing");
            if (!reversal.IsOk) return new SyncIssue(source.Record, source.Version, Label(payment), reversal.Error.Message, null);
            store.Reversed(live.Source, reversal.Value);
        }
        var allocations = mapped.Draft!.Allocations
            .Select(a => (store.Latest(dataset, new RecordKey(ChangeKinds.Invoice, a.InvoiceId))!.Entry!.Value, a.Amount))
            .ToList();
        var posted = books.PostReceipt(mapped.Draft, customerId, allocations);
        if (!posted.IsOk) return ReceiptRefused(source, Label(payment), posted.Error, mapped.Draft.Allocations.Select((a, i) => (a.InvoiceId, allocations[i].Item1)).ToList());
        entry = posted.Value;
        return null;
    }

    /// <summary>
    /// Reverses a posted invoice, first reversing the imported receipts allocated to it (returned, to re-post). Receipts
    /// entered in Books by hand are the user's: the invoice waits until they are reversed (which marks it ready).
    /// </summary>
    /// <param name="what">What Billing did to the invoice, as the reversals say it: "changed", "voided", "deleted" or "edited down to 0.00".</param>
    private SyncIssue? ReverseInvoice(ImportedVersion live, string what, out List<ImportedVersion> suspended)
    {
        suspended = [];
        var label = $"Invoice {store.Payload(live.Source).Invoice?.Number ?? live.Id}";
        var allocated = books.LiveReceiptsAllocatedTo(live.Entry!.Value).Select(r => (Entry: r, Imported: store.ByEntry(r))).ToList();
        if (allocated.Where(r => r.Imported is null).Select(r => r.Entry).ToList() is { Count: > 0 } byHand)
        {
            var file = FixCommands.Quote(setup.File);
            return new SyncIssue(live.Source.Record, live.Source.Version, label,
                $"it was {what} in Billing, but receipts entered in Books pay it ({(byHand.Count == 1 ? "entry" : "entries")} " +
                $"{string.Join(", ", byHand)}), and the sync {(what == "changed" ? "adjusts" : "reverses")} an invoice only when no receipt entered in Books pays it; " +
                (what == "changed"
                    ? "reverse them in Books (if Billing does not have those payments, enter them again after), then sync again"
                    : "reverse them in Books (money received for it is then the customer's, to refund or to apply to another invoice), then sync again"),
                string.Join(" && ", byHand.Select(r => $"books --file {file} receipts reverse {r}")));
        }

        foreach (var (receipt, imported) in allocated.Select(r => (r.Entry, Imported: r.Imported!))) // none by hand, seen above
        {
            var undone = books.Reverse(receipt, $"re-posted after {label} {what} in Billing");
            if (!undone.IsOk) return new SyncIssue(live.Source.Record, live.Source.Version, label, undone.Error.Message, null);
            store.Reversed(imported.Source, undone.Value);
            suspended.Add(imported);
        }
        var reversal = books.Reverse(live.Entry.Value, $"{label} {what} in Billing");
        if (!reversal.IsOk) return new SyncIssue(live.Source.Record, live.Source.Version, label, reversal.Error.Message, null);
        store.Reversed(live.Source, reversal.Value);
        return null;
    }

    /// <summary>Re-posts receipts reversed for an invoice adjustment; one that no longer fits waits as a conflict.</summary>
    private void RepostReceipts(List<ImportedVersion> suspended)
    {
        foreach (var receipt in suspended)
        {
            var change = store.Payload(receipt.Source);
            EntryId entry = default;
            var issue = Undoable(() => PostReceipt(receipt.Source, change.Payment!, live: null, out entry));
            if (pass.MustUndo) return;
            if (issue is null) store.Reposted(receipt.Source, entry);
            else store.Quarantine(dataset, issue, change, JsonOf(change), time.GetUtcNow());
        }
    }

    /// <summary>
    /// Runs one record's import so that it writes nothing when it reports an issue: on a careful pass in a savepoint of
    /// its own, rolled back; on a first pass, if it wrote before failing, by asking for the transaction to be undone.
    /// </summary>
    private SyncIssue? Undoable(Func<SyncIssue?> import)
    {
        if (!pass.Careful)
        {
            var written = books.RowsChanged;
            var outcome = import();
            if (outcome is not null && books.RowsChanged != written) pass.MustUndo = true;
            return outcome;
        }

        books.Savepoint(RecordSavepoint);
        var before = books.RowsChanged;
        var issue = import();
        if (issue is not null && books.RowsChanged != before)
        {
            books.RollbackTo(RecordSavepoint);
            store.Forget();
        }
        books.Release(RecordSavepoint);
        return issue;
    }

    /// <summary>For a payment's invoice: null when it is posted in Books, else why the payment waits.</summary>
    private string? WaitingFor(string invoiceId)
    {
        var key = new RecordKey(ChangeKinds.Invoice, invoiceId);
        var invoice = store.Latest(dataset, key);
        // A newer version in conflict, even with an older one posted: the payment goes with the invoice Billing has now,
        // not against the stale one (it may no longer fit), and follows when that version is posted.
        if (store.ConflictVersion(dataset, key) is { } waiting && (invoice is null || waiting > invoice.Version)
            && store.ConflictReason(dataset, key) is var (label, problem))
            return $"{label}, which is in conflict ({problem})";
        if (invoice is { Live: true }) return null;
        if (invoice is not null) return $"Invoice {store.Payload(invoice.Source).Invoice?.Number ?? invoiceId}, which is deleted, void or 0.00 in Billing";
        return $"invoice {invoiceId}, not imported yet";
    }

    private CustomerId? BooksCustomer(string billingId) => store.Latest(dataset, new RecordKey(ChangeKinds.Customer, billingId))?.Customer;

    /// <summary>Records an invoice's or a payment's version as posted as <paramref name="entry"/> (none when deleted, void or 0.00).</summary>
    private void Record(SourceRef source, EntryId? entry, bool deleted, FeedItem item, ImportedVersion? latest)
    {
        if (latest is not null && latest.Version == source.Version) store.Reposted(source, entry);
        else store.Imported(source, entry, deleted, item.Json, time.GetUtcNow());
    }

    /// <summary>A total of zero in the invoice's currency.</summary>
    private static bool ChargesNothing(InvoiceDocument invoice) => FeedValues.Amount(invoice.Total, FeedValues.KnownCurrency(invoice.Currency)).IsZero;

    /// <summary>Two versions of an invoice alike but for what payments change in Billing (its status, paid and owing).</summary>
    private static bool OnlyPaymentsDiffer(InvoiceDocument posted, InvoiceDocument next) =>
        string.Equals(WithoutPayments(posted), WithoutPayments(next), StringComparison.Ordinal);

    private static string WithoutPayments(InvoiceDocument invoice) =>
        JsonSerializer.Serialize(invoice with { Status = "", Paid = "", Owing = "" }, SyncClient.Json);

    /// <summary>
    /// Why the engine refused an invoice, said for an invoice from Billing: a number taken by an invoice entered in
    /// Books by hand names the command that reverses it (which marks this invoice ready, migration 0104).
    /// </summary>
    private SyncIssue SaleRefused(SourceRef source, string label, BooksError refusal)
    {
        if (OutsideBooks(source, label, refusal) is { } outside) return outside;
        if (refusal is DuplicateInvoiceNumber taken && books.InvoiceEntry(taken.Number) is { } entry && store.ByEntry(entry) is null)
        {
            return new SyncIssue(source.Record, source.Version, label,
                $"its number {taken.Number} is used in Books by an invoice entered there (entry {entry}); if it is this invoice entered twice, " +
                "reverse it in Books, else give this invoice another number in Billing; then sync again",
                $"books --file {FixCommands.Quote(setup.File)} sales reverse {FixCommands.Quote(taken.Number)}");
        }

        return new SyncIssue(source.Record, source.Version, label, refusal.Message, null);
    }

    /// <summary>
    /// Why the engine refused a receipt, said for a payment that is changed in Billing (the engine's own advice is for
    /// receipts entered in Books), with what to do where.
    /// </summary>
    private SyncIssue ReceiptRefused(SourceRef source, string label, BooksError refusal, IReadOnlyList<(string BillingId, EntryId Entry)> invoices)
    {
        if (OutsideBooks(source, label, refusal) is { } outside) return outside;
        switch (refusal)
        {
            case ReceiptBeforeInvoice early:
                // Waits for that invoice: its next version (re-dated in Billing) marks this payment ready in the same run.
                return new SyncIssue(source.Record, source.Version, label, string.Create(CultureInfo.InvariantCulture,
                    $"it is dated {early.ReceiptDate:yyyy-MM-dd}, before invoice {early.Number} ({early.InvoiceDate:yyyy-MM-dd}), and Books applies no payment before " +
                    $"its invoice's date; in Billing, date the payment {early.InvoiceDate:yyyy-MM-dd} or later (or the invoice {early.ReceiptDate:yyyy-MM-dd} or earlier), then sync again"),
                    null, invoices.FirstOrDefault(i => books.InvoiceNumber(i.Entry) == early.Number).BillingId);
            case ReceiptExceedsOwing over:
                // Waits for that invoice to owe more: a receipt reversed in Books, or its next version, marks this payment ready.
                var exceeded = invoices.Where(i => books.InvoiceNumber(i.Entry) == over.Number).ToList();
                var waitsFor = exceeded.Select(i => i.BillingId).FirstOrDefault();
                // Books owes less than Billing: receipts entered in Books by hand pay the invoice too.
                var byHand = exceeded.SelectMany(i => books.LiveReceiptsAllocatedTo(i.Entry)).Where(r => store.ByEntry(r) is null).Distinct().ToList();
                if (byHand.Count == 0)
                {
                    // The engine's advice ("allocate at most") is for receipts entered in Books: this one follows Billing.
                    return new SyncIssue(source.Record, source.Version, label,
                        $"it applies {over.Amount} to invoice {over.Number}, which owes only {over.Owing} in Books; it waits until the invoice owes that much " +
                        "(its next version from Billing, or a receipt on it reversed in Books), then follows", null, waitsFor);
                }

                var file = FixCommands.Quote(setup.File);
                return new SyncIssue(source.Record, source.Version, label,
                    $"it applies {over.Amount} to invoice {over.Number}, which owes only {over.Owing} in Books because receipts entered in Books also pay it " +
                    $"(entries {string.Join(", ", byHand)}); if they are this payment entered twice, reverse them in Books, then sync again",
                    string.Join(" && ", byHand.Select(r => $"books --file {file} receipts reverse {r}")), waitsFor);
        }

        return new SyncIssue(source.Record, source.Version, label, refusal.Message, null);
    }

    /// <summary>A record dated outside the fiscal years the books keep: the engine's advice, as a fix naming the file.</summary>
    private SyncIssue? OutsideBooks(SourceRef source, string label, BooksError refusal)
    {
        if (refusal is not OutsideFiscalYear outside) return null;
        var date = outside.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var file = FixCommands.Quote(setup.File);
        return outside.Date < outside.Start
            ? new SyncIssue(source.Record, source.Version, label,
                $"it is dated {date}, before {outside.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, the first day the books are open; open them from that date, then sync again",
                $"books --file {file} settings set --history-from {date}")
            : new SyncIssue(source.Record, source.Version, label,
                $"it is dated {date}, after {outside.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, the end of the current fiscal year; start the next year (the current one stays open for late entries), then sync again",
                // Books starts the next year early only when told so (year-end is refused until the current year has ended).
                DateOnly.FromDateTime(time.GetLocalNow().DateTime) > outside.End ? $"books --file {file} year-end" : $"books --file {file} year-end --before-year-end");
    }

    private static string JsonOf(Change change) => new FeedItem(change).Json;

    private string ExternalReference(string customerId) => $"billing:{dataset}/customer/{customerId}";

    private static string Label(PaymentDocument payment) => PostingRules.PaymentLabel(payment);
}
