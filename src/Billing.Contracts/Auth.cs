namespace BillingBooks.Billing.Contracts;

/// <summary>POST /api/v1/signup.</summary>
public sealed record SignupRequest(string Email, string Password, string? CompanyName);

/// <summary>POST /api/v1/tokens: email + password for a short-lived bearer token.</summary>
public sealed record TokenRequest(string Email, string Password);

public sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, string AccountId, string Email);
