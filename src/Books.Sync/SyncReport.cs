namespace BillingBooks.Books.Sync;

/// <summary>
/// What a sync did (or, on a dry run, would do): counts, open conflicts (the first ones listed, all counted in
/// <see cref="ConflictCount"/>), reconciliation.
/// </summary>
public sealed record SyncReport(
    bool DryRun,
    string Dataset,
    string? Cursor,
    RecordCounts Customers,
    RecordCounts Invoices,
    RecordCounts Payments,
    IReadOnlyList<SyncIssue> Conflicts,
    long ConflictCount,
    IReadOnlyList<PlannedEntry> Plan,
    Reconciliation Reconciliation)
{
    public bool HasOpenConflicts => ConflictCount > 0;

    /// <summary>The currency of the plan's effects (ISO code): they are in its minor units.</summary>
    public string HomeCurrency { get; init; } = "";

    /// <summary>Done, but the user has something to do: open conflicts, or a difference with Billing no conflict explains.</summary>
    public bool NeedsAttention => HasOpenConflicts || Reconciliation.HasUnexpectedDifferences;
}

/// <summary>Per kind: new in Books, adjusted (reversed and re-posted), reversed (deleted or voided in Billing).</summary>
public sealed record RecordCounts(int Imported, int Adjusted, int Reversed, int Unchanged);

/// <summary>One line of a dry run's plan: what would be posted or reversed, and its effect on each account.</summary>
/// <param name="Action">"create", "adjust", "reverse" or "update" (customers).</param>
/// <param name="Effects">Account number -> net debit (+) / credit (-) in home-currency minor units.</param>
public sealed record PlannedEntry(string Action, string Kind, string Label, IReadOnlyDictionary<int, long> Effects);

/// <summary>Books' figures against Billing's summary (SPEC 3.5).</summary>
/// <param name="Compared">False when Billing changed during the run (its summary was ahead of what was imported).</param>
public sealed record Reconciliation(bool Compared, string? Note, IReadOnlyList<ReconciliationDifference> Differences)
{
    /// <summary>Compared and in agreement: any difference, even one that conflicts explain, is not clean.</summary>
    public bool Clean => Compared && Differences.Count == 0;

    public bool HasUnexpectedDifferences => Differences.Any(d => !d.Expected);
}

/// <param name="What">E.g. "owing of customer Acme (CAD)", "GST 5% charged (CAD)".</param>
/// <param name="Expected">True when every record involved is in conflict (not imported yet, on purpose).</param>
public sealed record ReconciliationDifference(string What, string Books, string Billing, bool Expected, IReadOnlyList<string> Records);
