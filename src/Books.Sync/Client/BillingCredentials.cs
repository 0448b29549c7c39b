namespace BillingBooks.Books.Sync.Client;

/// <summary>
/// Who logs in to Billing. The password stays in memory only for the run (to renew the token), never stored.
/// <see cref="ClientEmail"/> is set in bookkeeper mode: the dataset to import is that client's.
/// </summary>
public sealed record BillingCredentials(Uri Server, string Email, string Password, string? ClientEmail)
{
    public override string ToString() => $"{Email} at {Server}";
}
