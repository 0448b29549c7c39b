namespace BillingBooks.Billing.Contracts;

/// <summary>
/// GET /api/v1/datasets/{id}/summary?through=CURSOR: what Billing says the dataset's sent invoices add up to,
/// counting only changes up to and including <c>through</c>, so Books can reconcile against exactly what it
/// imported (SPEC 3.5). Void and deleted invoices and deleted payments count for nothing.
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
