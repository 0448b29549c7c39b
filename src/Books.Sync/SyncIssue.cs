namespace BillingBooks.Books.Sync;

/// <summary>
/// A record that could not be imported yet (SPEC 3.4): quarantined in the company file with its payload,
/// retried first at every later sync, never blocking the other records. <see cref="Fix"/> is the exact
/// command that removes the cause, when there is one.
/// </summary>
/// <param name="Label">How the user knows the record, e.g. "Invoice 1042".</param>
/// <param name="WaitsFor">The Billing invoice a payment waits for, when that is the problem.</param>
public sealed record SyncIssue(RecordKey Record, int Version, string Label, string Problem, string? Fix, string? WaitsFor = null)
{
    public string Message => Fix is null ? $"{Label}: {Problem}" : $"{Label}: {Problem}: {Fix}";
}
