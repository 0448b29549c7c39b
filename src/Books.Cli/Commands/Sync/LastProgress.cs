using BillingBooks.Books.Sync;

namespace BillingBooks.Books.Cli.Commands.Sync;

/// <summary>
/// The last progress a run reported, kept as it is reported (<see cref="Progress{T}"/> posts to the thread pool),
/// so that an interrupted run can say how far it got.
/// </summary>
internal sealed class LastProgress : IProgress<SyncProgress>
{
    public SyncProgress? Last { get; private set; }

    public IProgress<SyncProgress>? Forward { get; set; }

    public void Report(SyncProgress value)
    {
        Last = value;
        Forward?.Report(value);
    }
}
