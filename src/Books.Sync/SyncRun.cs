using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Storage;
using BillingBooks.Books.Sync.Client;
using BillingBooks.Books.Sync.Storage;

namespace BillingBooks.Books.Sync;

/// <summary>Counts shown while a run goes: feed items seen and what became of them.</summary>
public sealed record SyncProgress(int Seen, int Conflicts, bool HasMore);

/// <summary>
/// One "Synchronize with Billing" (SPEC 3): log in, resolve the dataset, retry quarantined records first,
/// then import the feed page by page - each page's entries, source references and the advanced cursor in
/// ONE transaction - then reconcile with Billing's summary. A dry run does all of it in one transaction and
/// rolls it back.
/// </summary>
public sealed class SyncRun(CompanyFile company, SyncClient client, SyncSettings settings, TimeProvider time)
{
    public int PageSize { get; init; } = 500;

    public bool DryRun { get; init; }

    /// <summary>How many open conflicts the report lists (all are counted; the rest wait in the file).</summary>
    public int ReportedConflicts { get; init; } = 1000;

    public IProgress<SyncProgress>? Progress { get; set; }

    private readonly SyncTally _tally = new();

    public async Task<Attempt<SyncReport>> RunAsync(CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(company);
        if (company.Read(r => r.Settings.Get().CashBasis)) return new SyncError.CashBasisOn(company.Path);
        if (SyncSetup.Missing(settings) is { Count: > 0 } missing)
            return new SyncError.SetupIncomplete("missing " + string.Join(", ", missing), "Pass " + string.Join(" ", missing) + " (or run on a terminal to be asked).");
        if (await client.LoginAsync(cancellation).ConfigureAwait(false) is { } loginError) return loginError;
        var dataset = await client.ResolveDatasetAsync(cancellation).ConfigureAwait(false);
        if (!dataset.Succeeded) return dataset.Error;
        if (settings.Dataset is { } known && known != dataset.Value.Id)
            return new SyncError.EmailLocked(SyncSetup.Describe(settings), $"{settings.Email} (it now opens another Billing dataset, {dataset.Value.Id})");

        return DryRun
            ? await PlanAsync(dataset.Value.Id, cancellation).ConfigureAwait(false)
            : await ImportAsync(dataset.Value.Id, cancellation).ConfigureAwait(false);
    }

    private async Task<Attempt<SyncReport>> ImportAsync(string dataset, CancellationToken cancellation)
    {
        var tally = _tally;
        // Remember the setup (and the last email typed) and retry quarantined records before anything new.
        CommitImport((scope, pass) =>
        {
            var store = new SyncStore(scope.Connection, scope.Transaction);
            store.Save(store.Settings() with
            {
                Server = settings.Server, Email = settings.Email, LastEmail = settings.LastEmail, Mode = settings.Mode,
                ClientEmail = settings.ClientEmail, TrackSales = settings.TrackSales, TrackPayments = settings.TrackPayments,
                PayPalAccount = settings.PayPalAccount, OtherPaymentsAccount = settings.OtherPaymentsAccount, Dataset = dataset,
            });
            RetryConflicts(scope, store, dataset, tally, pass);
            RetryReady(scope, store, dataset, tally, pass);
            return true;
        });

        // Each page's commit is large: the log is copied back into the file on another core meanwhile.
        using (var checkpoints = company.CheckpointInBackground())
        {
            if (await ImportPagesAsync(dataset, cancellation).ConfigureAwait(false) is { } failed) return failed;
            checkpoints.Finish();
        }

        // Records that waited for something imported later in this run go now, not at the next sync.
        CommitImport((scope, pass) =>
        {
            var store = new SyncStore(scope.Connection, scope.Transaction);
            RetryReady(scope, store, dataset, tally, pass);
            var now = time.GetUtcNow();
            var current = store.Settings();
            store.Save(current with { FirstSyncedAt = current.FirstSyncedAt ?? now, LastSyncedAt = now });
            return true;
        });

        var reconciliation = await ReconcileAsync(dataset, cancellation).ConfigureAwait(false);
        return company.Read(r =>
        {
            var store = new SyncStore(r.Connection, r.Transaction);
            return new SyncReport(false, dataset, store.Settings().Cursor, tally.Customers, tally.Invoices, tally.Payments,
                store.Issues(ReportedConflicts), store.ConflictCount(), [], reconciliation) { HomeCurrency = r.Settings.Get().HomeCurrency.Code };
        });
    }

    /// <summary>Imports the feed page by page from the cursor on; null when it reached the end, else what stopped it.</summary>
    private async Task<SyncError?> ImportPagesAsync(string dataset, CancellationToken cancellation)
    {
        var tally = _tally;
        var after = company.Read(r => new SyncStore(r.Connection, r.Transaction).Settings().Cursor);
        var fetching = FetchAsync(dataset, after, cancellation);
        while (true)
        {
            var page = await fetching.ConfigureAwait(false);
            if (!page.Succeeded) return page.Error;
            // The next page is read while this one is posted: Billing and the network work in the meantime.
            var next = page.Value.HasMore ? FetchAsync(dataset, page.Value.Next, cancellation) : null;
            // A page can be fetched and applied again (the cursor commits with it): its commit need not wait for the
            // disk. The run's last commit (in ImportAsync) makes every page durable.
            var applied = CommitImport((scope, pass) =>
            {
                var store = new SyncStore(scope.Connection, scope.Transaction);
                var current = store.Settings();
                // Another run moved the cursor since this page was asked for: drop the page, ask again.
                if (current.Cursor != after) return false;
                Importer(scope, store, dataset, tally, pass).Apply(page.Value.Items);
                tally.Seen += page.Value.Items.Length;
                if (page.Value.Items.Length > 0 || page.Value.Next != after) store.Save(current with { Cursor = page.Value.Next });
                return true;
            }, redoable: true);
            Progress?.Report(new SyncProgress(tally.Seen, 0, page.Value.HasMore));
            if (applied && next is null) return null;
            if (applied)
            {
                after = page.Value.Next;
                fetching = next!;
                continue;
            }

            if (next is not null) await next.ConfigureAwait(false); // read ahead of a page that was dropped: not used
            after = company.Read(r => new SyncStore(r.Connection, r.Transaction).Settings().Cursor);
            fetching = FetchAsync(dataset, after, cancellation);
        }
    }

    /// <summary>
    /// Reads a page of the feed and makes each item's stored JSON. Awaited one page ahead, the JSON is made on a
    /// thread-pool thread while this run posts the page before (a core the posting does not use).
    /// </summary>
    private async Task<Attempt<FeedPage>> FetchAsync(string dataset, string? after, CancellationToken cancellation)
    {
        var page = await client.ChangesAsync(dataset, after, PageSize, cancellation).ConfigureAwait(false);
        if (!page.Succeeded) return page.Error;
        return new FeedPage(FeedItem.Serialized(page.Value.Items), page.Value.Next, page.Value.HasMore);
    }

    private sealed record FeedPage(FeedItem[] Items, string Next, bool HasMore);

    /// <summary>The dry run: reads the whole feed, applies it in one transaction, reports, rolls back.</summary>
    private async Task<Attempt<SyncReport>> PlanAsync(string dataset, CancellationToken cancellation)
    {
        var changes = new List<Change>();
        var after = company.Read(r => new SyncStore(r.Connection, r.Transaction).Settings().Cursor);
        while (true)
        {
            var page = await client.ChangesAsync(dataset, after, PageSize, cancellation).ConfigureAwait(false);
            if (!page.Succeeded) return page.Error;
            changes.AddRange(page.Value.Items);
            after = page.Value.Next;
            Progress?.Report(new SyncProgress(changes.Count, 0, page.Value.HasMore));
            if (!page.Value.HasMore) break;
        }

        var tally = _tally;
        return InPasses(pass =>
        {
            SyncReport? report = null;
            company.Write<Unit>(scope =>
            {
                var store = new SyncStore(scope.Connection, scope.Transaction);
                var firstNewEntry = EntryPlan.NextEntryId(scope);
                RetryConflicts(scope, store, dataset, tally, pass);
                RetryReady(scope, store, dataset, tally, pass);
                Importer(scope, store, dataset, tally, pass).Apply(FeedItem.Of(changes));
                tally.Seen = changes.Count;
                RetryReady(scope, store, dataset, tally, pass);
                report = new SyncReport(true, dataset, after, tally.Customers, tally.Invoices, tally.Payments,
                    store.Issues(ReportedConflicts), store.ConflictCount(), EntryPlan.Since(scope, firstNewEntry),
                    new Reconciliation(false, "not compared on a dry run (nothing was imported)", [])) { HomeCurrency = scope.Settings.Get().HomeCurrency.Code };
                return new DryRunRolledBack();
            });
            return report!;
        });
    }

    /// <summary>
    /// Retries quarantined records first, in their first-seen order and in batches (there may be very many),
    /// unless the set-up they all depend on did not change since they were last tried: then only those marked ready
    /// (by what changed for them) can succeed, and <see cref="RetryReady"/> takes those.
    /// </summary>
    private void RetryConflicts(BooksWrite scope, SyncStore store, string dataset, SyncTally tally, ImportPass pass)
    {
        var stamp = store.SetupStamp();
        if (store.ConflictsTriedWith() == stamp) return;
        store.Retrying(long.MaxValue); // all of them: none stays marked ready unless this retry marks it again
        var import = Importer(scope, store, dataset, tally, pass);
        import.AdoptCustomerCurrencies(); // a currency now set up: before the records that post to those customers
        for (long after = 0; ;)
        {
            var batch = store.ConflictsAfter(after, 1000);
            if (batch.Count == 0 || pass.MustUndo) break;
            import.Apply(batch.Select(c => new FeedItem(c.Change, c.Payload)).ToList());
            after = batch[^1].Seq;
        }
        store.ConflictsTried(store.SetupStamp());
    }

    /// <summary>
    /// Records whose wait ended in this run (a payment's invoice posted, a record's customer imported) go now,
    /// not at the next sync. A retry can end another wait (an invoice posted lets its payments go), so this
    /// runs until no record is ready.
    /// </summary>
    private void RetryReady(BooksWrite scope, SyncStore store, string dataset, SyncTally tally, ImportPass pass)
    {
        RecordImport? import = null;
        while (!pass.MustUndo && store.ReadyConflicts(1000) is { Count: > 0 } batch)
        {
            store.Retrying(batch[^1].Seq);
            import ??= Importer(scope, store, dataset, tally, pass);
            import.Apply(batch.Select(c => new FeedItem(c.Change, c.Payload)).ToList());
        }
    }

    private RecordImport Importer(BooksWrite scope, SyncStore store, string dataset, SyncTally tally, ImportPass pass) =>
        new(store, new BooksPostings(scope), new BooksPostings(scope).Setup(company.Path, settings), dataset, time, tally, pass);

    private async Task<Reconciliation> ReconcileAsync(string dataset, CancellationToken cancellation)
    {
        // The summary is comparable only when it covers exactly what was imported; Billing may have moved on.
        var everything = false;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var request = everything ? SummaryRequest.Everything : company.Read(r => Reconciler.Plan(r, dataset));
            var summary = await client.SummaryAsync(dataset, request.ChangedAfter, request.Customers, cancellation).ConfigureAwait(false);
            if (!summary.Succeeded) return new Reconciliation(false, "Billing's summary could not be read: " + summary.Error.Message, []);
            var compared = Commit(scope =>
            {
                var cursor = new SyncStore(scope.Connection, scope.Transaction).Settings().Cursor;
                if (summary.Value.Through != cursor && !(string.IsNullOrEmpty(summary.Value.Through) && cursor is null)) return (Done: false, Result: (Reconciliation?)null);
                return (Done: true, Result: Reconciler.Compare(scope, dataset, company.Path, summary.Value, request));
            });
            if (compared is { Done: true, Result: { } result }) return result;
            if (compared.Done)
            {
                // The totals differ by more than the customers compared explain: find where, across every customer.
                everything = true;
                continue;
            }
            var imported = await CatchUpAsync(dataset, cancellation).ConfigureAwait(false);
            if (!imported) break;
        }
        return new Reconciliation(false, "Billing changed during the sync; run it again to compare", []);
    }

    private async Task<bool> CatchUpAsync(string dataset, CancellationToken cancellation)
    {
        var tally = _tally;
        var after = company.Read(r => new SyncStore(r.Connection, r.Transaction).Settings().Cursor);
        var page = await client.ChangesAsync(dataset, after, PageSize, cancellation).ConfigureAwait(false);
        if (!page.Succeeded) return false;
        return CommitImport((scope, pass) =>
        {
            var store = new SyncStore(scope.Connection, scope.Transaction);
            var current = store.Settings();
            if (current.Cursor != after) return false;
            Importer(scope, store, dataset, tally, pass).Apply(FeedItem.Of(page.Value.Items));
            // A record of this page that waited for a later one of it goes now, as at the end of the pages.
            RetryReady(scope, store, dataset, tally, pass);
            store.Save(current with { Cursor = page.Value.Next });
            return true;
        });
    }

    /// <summary>
    /// Runs import work in one transaction (see <see cref="InPasses{T}"/>). A redoable write's commit need not wait for
    /// the disk (see <see cref="CompanyFile.WriteRedoable{T}"/>).
    /// </summary>
    private T CommitImport<T>(Func<BooksWrite, ImportPass, T> work, bool redoable = false) => InPasses(pass =>
    {
        Result<T> Attempt(BooksWrite scope)
        {
            var value = work(scope, pass);
            return pass.MustUndo ? new UndoneForCarefulPass() : value;
        }

        var outcome = redoable ? company.WriteRedoable<T>(Attempt) : company.Write<T>(Attempt);
        return pass.MustUndo ? default! : outcome.Value; // undone: the value is dropped and the careful pass runs
    });

    /// <summary>
    /// Runs a transaction's imports first without a savepoint per record; if a record failed after writing (see
    /// <see cref="ImportPass"/>), the transaction has rolled back, so the counts are restored and it runs again carefully.
    /// </summary>
    private T InPasses<T>(Func<ImportPass, T> attempt)
    {
        var counts = _tally.Snapshot();
        foreach (var pass in new[] { new ImportPass(), new ImportPass { Careful = true } })
        {
            _tally.Restore(counts);
            var value = attempt(pass);
            if (!pass.MustUndo) return value;
        }

        throw new InvalidOperationException("Bug: a careful import pass asked to be undone.");
    }

    private T Commit<T>(Func<BooksWrite, T> work)
    {
        var result = company.Write<T>(scope => work(scope));
        return result.Value;
    }

    /// <summary>Not a failure: how a dry run makes its transaction roll back.</summary>
    private sealed record DryRunRolledBack() : BooksError("dry run: rolled back");

    /// <summary>Not a failure: how a first import pass that must run again carefully makes its transaction roll back.</summary>
    private sealed record UndoneForCarefulPass() : BooksError("undone: to be applied again with a savepoint per record");
}
