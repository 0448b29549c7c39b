using BillingBooks.Books.Sync.Mapping;

namespace BillingBooks.Books.Sync;

/// <summary>
/// The one place Books.Sync posts through the Books engine: customers, sales, receipts, reversals, and the
/// setup the posting rules read. Everything runs in the caller's write scope.
/// </summary>
public sealed class BooksPostings
{
    public BooksSetup Setup(string file, Storage.SyncSettings settings) => throw new NotImplementedException();

    /// <summary>Creates or updates the Books customer linked to a Billing customer; returns its id.</summary>
    public long UpsertCustomer(CustomerDraft draft, string externalReference) => throw new NotImplementedException();

    public string? CustomerRevenueAccount(long customerId) => throw new NotImplementedException();

    public Attempt<long> PostSale(SalesDraft draft, long customerId) => throw new NotImplementedException();

    public Attempt<long> PostReceipt(ReceiptDraft draft, long customerId, IReadOnlyList<(long InvoiceEntry, Money.Money Amount)> allocations) => throw new NotImplementedException();

    public Attempt<long> Reverse(long entryId) => throw new NotImplementedException();

    public IReadOnlyList<long> LiveReceiptsAllocatedTo(long invoiceEntryId) => throw new NotImplementedException();
}
