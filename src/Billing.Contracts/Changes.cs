namespace BillingBooks.Billing.Contracts;

/// <summary>
/// GET /api/v1/datasets/{id}/changes?after=CURSOR&amp;limit=N. Items are in strict cursor order; each record
/// appears with its latest version at the time of reading (a record changed twice may appear once, at its
/// newer position). Pass <see cref="Next"/> as the next <c>after</c>; <see cref="HasMore"/> says whether to.
/// </summary>
public sealed record ChangePage(IReadOnlyList<Change> Items, string Next, bool HasMore);

/// <summary>
/// One created, changed or deleted record. Exactly one of Customer/Invoice/Payment is set, matching Kind;
/// a tombstone (Deleted = true) still carries the record's last content.
/// </summary>
/// <param name="Cursor">This item's position; resuming with after=Cursor continues right after it.</param>
/// <param name="Kind">"customer", "invoice" or "payment" (see <see cref="ChangeKinds"/>).</param>
/// <param name="Version">Starts at 1 and grows by one with every change the feed shows.</param>
public sealed record Change(
    string Cursor,
    string Kind,
    string Id,
    int Version,
    bool Deleted,
    CustomerDocument? Customer,
    InvoiceDocument? Invoice,
    PaymentDocument? Payment);

public static class ChangeKinds
{
    public const string Customer = "customer";
    public const string Invoice = "invoice";
    public const string Payment = "payment";
}
