namespace BillingBooks.Billing.Contracts;

/// <summary>POST /api/v1/bookkeepers: invite a bookkeeper by email.</summary>
public sealed record InvitationRequest(string? Email);

/// <param name="Status">pending, active, declined, withdrawn or ended (see <see cref="InvitationStatuses"/>).</param>
/// <param name="LinkExpiresAt">Until when the link mailed to the bookkeeper can be used; null once it is no longer pending.</param>
public sealed record Invitation(
    string Id, string ClientAccountId, string ClientEmail, string BookkeeperEmail, string Status, DateTimeOffset CreatedAt, DateTimeOffset ChangedAt,
    DateTimeOffset? LinkExpiresAt);

/// <summary>
/// POST /api/v1/clients/invitation, /accept and /decline: the secret token of the link mailed to the bookkeeper
/// (the proof that the caller reads the invited mailbox).
/// </summary>
public sealed record InvitationToken(string? Token);

public sealed record InvitationList(IReadOnlyList<Invitation> Items);

public static class InvitationStatuses
{
    public const string Pending = "pending";
    public const string Active = "active";
    public const string Declined = "declined";
    public const string Withdrawn = "withdrawn";
    public const string Ended = "ended";
}
