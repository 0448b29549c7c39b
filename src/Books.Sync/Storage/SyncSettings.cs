namespace BillingBooks.Books.Sync.Storage;

/// <summary>
/// The Billing Sync settings of a company (SPEC 3.2), kept in the company file. The password is not here:
/// it is never stored. <see cref="FirstSyncedAt"/> set = the email is locked.
/// </summary>
public sealed record SyncSettings(
    string? Server,
    string? Email,
    string? LastEmail,
    SyncMode Mode,
    string? ClientEmail,
    int? TrackSales,
    int? TrackPayments,
    int? PayPalAccount,
    int? OtherPaymentsAccount,
    string? Dataset,
    string? Cursor,
    DateTimeOffset? FirstSyncedAt,
    DateTimeOffset? LastSyncedAt)
{
    public bool EmailLocked => FirstSyncedAt is not null;
}

public enum SyncMode
{
    /// <summary>"My account": the Billing account the email logs in to.</summary>
    Own,

    /// <summary>"I'm a bookkeeper": a client's account, under an active bookkeeper contract.</summary>
    Client,
}
