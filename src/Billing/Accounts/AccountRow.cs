namespace BillingBooks.Billing.Accounts;

/// <summary>What the password hasher hashes for; the hasher needs a user type.</summary>
public sealed record AccountRow(long Id, string Email, string PasswordHash);
