using BillingBooks.Billing.Contracts;

namespace BillingBooks.Books.Sync;

/// <summary>Counts what a run did, for the report and the progress bar.</summary>
internal sealed class SyncTally
{
    private int _customersNew, _customersUpdated, _customersUnchanged;
    private int _invoicesNew, _invoicesAdjusted, _invoicesReversed, _invoicesUnchanged;
    private int _paymentsNew, _paymentsAdjusted, _paymentsReversed, _paymentsUnchanged;

    public int Seen { get; set; }

    /// <summary>The counts as they are now, to go back to when the work they counted is undone.</summary>
    public SyncTally Snapshot() => (SyncTally)MemberwiseClone();

    public void Restore(SyncTally snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        (_customersNew, _customersUpdated, _customersUnchanged) = (snapshot._customersNew, snapshot._customersUpdated, snapshot._customersUnchanged);
        (_invoicesNew, _invoicesAdjusted, _invoicesReversed, _invoicesUnchanged) =
            (snapshot._invoicesNew, snapshot._invoicesAdjusted, snapshot._invoicesReversed, snapshot._invoicesUnchanged);
        (_paymentsNew, _paymentsAdjusted, _paymentsReversed, _paymentsUnchanged) =
            (snapshot._paymentsNew, snapshot._paymentsAdjusted, snapshot._paymentsReversed, snapshot._paymentsUnchanged);
        Seen = snapshot.Seen;
    }

    public void Customer(bool created)
    {
        if (created) _customersNew++; else _customersUpdated++;
    }

    public void InvoiceImported() => _invoicesNew++;

    public void InvoiceAdjusted() => _invoicesAdjusted++;

    public void InvoiceReversed() => _invoicesReversed++;

    public void PaymentImported() => _paymentsNew++;

    public void PaymentAdjusted() => _paymentsAdjusted++;

    public void PaymentReversed() => _paymentsReversed++;

    public void Unchanged(string kind)
    {
        switch (kind)
        {
            case ChangeKinds.Customer: _customersUnchanged++; break;
            case ChangeKinds.Invoice: _invoicesUnchanged++; break;
            default: _paymentsUnchanged++; break;
        }
    }

    public RecordCounts Customers => new(_customersNew, _customersUpdated, 0, _customersUnchanged);

    public RecordCounts Invoices => new(_invoicesNew, _invoicesAdjusted, _invoicesReversed, _invoicesUnchanged);

    public RecordCounts Payments => new(_paymentsNew, _paymentsAdjusted, _paymentsReversed, _paymentsUnchanged);
}
