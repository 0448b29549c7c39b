namespace BillingBooks.Billing.Contracts;

/// <summary>POST/PUT /api/v1/customers (SPEC 1.3). Taxes, when given (even empty: no tax), override the profile's on new invoices; null uses the profile's.</summary>
public sealed record CustomerRequest(
    string? Name,
    Address? Address,
    string? Phone,
    string? Fax,
    string? Website,
    string? Language,
    string? Currency,
    IReadOnlyList<ContactDocument>? Contacts,
    IReadOnlyList<TaxDefinition>? Taxes);

public sealed record CustomerResponse(
    string Id,
    string Name,
    Address Address,
    string? Phone,
    string? Fax,
    string? Website,
    string? Language,
    string Currency,
    IReadOnlyList<ContactDocument> Contacts,
    IReadOnlyList<TaxDefinition>? Taxes,
    int Version);

public sealed record CustomerList(IReadOnlyList<CustomerResponse> Items, int Offset, int Limit, int Total);
