namespace BillingBooks.Billing.Contracts;

/// <summary>
/// The body of every error (application/problem+json, RFC 9457). <see cref="Errors"/> maps a field path
/// ("lines[2].quantity") to every message for it, so a client can show all of them at once.
/// </summary>
public sealed record Problem(
    string Type,
    string Title,
    int Status,
    string? Detail,
    IReadOnlyDictionary<string, string[]>? Errors);
