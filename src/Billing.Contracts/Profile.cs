namespace BillingBooks.Billing.Contracts;

/// <summary>GET/PUT /api/v1/profile (SPEC 1.1). PUT replaces every field; omitted fields become empty.</summary>
public sealed record ProfileDocument(
    string? CompanyName,
    string? ContactName,
    Address? Address,
    string? Phone,
    string? Fax,
    string? Website,
    string? TimeZone,
    string? Currency,
    string? InvoiceComments,
    string? QuoteComments,
    IReadOnlyList<TaxDefinition>? Taxes);

/// <summary>
/// One of up to three taxes (SPEC 1.2). <see cref="ChargedOn"/> names another tax of the same list whose
/// tax this one is also charged on (compound tax, e.g. the old QST on GST).
/// </summary>
/// <param name="Rate">Percent as a string, e.g. "9.975".</param>
public sealed record TaxDefinition(string? Name, string? Rate, bool Enabled, string? ChargedOn);

/// <summary>POST /api/v1/profile/taxes/preset: fill the taxes with a Canadian province's rates.</summary>
public sealed record TaxPresetRequest(string? Province);

/// <summary>PUT /api/v1/password: every token is revoked, this one too; the answer is a token of a fresh session.</summary>
public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

public sealed record AccountResponse(string AccountId, string Email);
