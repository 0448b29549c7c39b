namespace BillingBooks.Books.Sync;

/// <summary>
/// One attempt at a transaction's imports. The first runs records without savepoints; if a record fails after
/// writing (which only a savepoint could undo), it says so here, the caller rolls the transaction back and runs
/// the same work again on a careful pass, a savepoint per record.
/// </summary>
internal sealed class ImportPass
{
    public bool Careful { get; init; }

    /// <summary>A record failed part-way on a first pass: nothing more is applied, and the transaction must not commit.</summary>
    public bool MustUndo { get; set; }
}
