namespace BillingBooks.Billing.Contracts;

/// <summary>
/// GET /api/v1/datasets/{id}/summary: what Billing says the dataset's invoices in the feed (sent, changed,
/// partly paid, paid) add up to, read in one consistent snapshot, so Books can reconcile (SPEC 3.5).
/// <see cref="Through"/> is the feed cursor of the newest change the snapshot includes: Books compares only
/// when it has imported exactly up to that cursor (otherwise it fetches the rest first). Void and deleted
/// invoices, drafts, quotes and deleted payments count for nothing. Query: <c>changedAfter=CURSOR</c> lists
/// only the customers whose figures changed after that cursor (a balance that dropped to nothing as zero),
/// plus <c>customers=ID,ID</c> (at most 1,000); without either, every customer. Currency and tax totals are
/// always the whole dataset's. Billing reads running totals kept at every write, so the answer costs the same
/// for any size of account.
/// </summary>
public sealed record DatasetSummary(
    string Through,
    IReadOnlyList<CustomerBalance> Customers,
    IReadOnlyList<CurrencyTotals> Currencies,
    IReadOnlyList<TaxTotal> Taxes);

public sealed record CustomerBalance(string CustomerId, string Currency, string Invoiced, string Paid, string Owing);

public sealed record CurrencyTotals(string Currency, string Invoiced, string Paid, string Owing);

/// <param name="Rate">Percent, e.g. "13".</param>
public sealed record TaxTotal(string Currency, string Name, string Rate, string Amount);
