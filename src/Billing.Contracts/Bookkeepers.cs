namespace BillingBooks.Billing.Contracts;

/// <summary>POST /api/v1/bookkeepers: invite a bookkeeper by email.</summary>
public sealed record InvitationRequest(string? Email);

/// <param name="Status">pending, active, declined, withdrawn or ended (see <see cref="InvitationStatuses"/>).</param>
public sealed record Invitation(string Id, string ClientAccountId, string ClientEmail, string BookkeeperEmail, string Status, DateTimeOffset CreatedAt, DateTimeOffset ChangedAt);

public sealed record InvitationList(IReadOnlyList<Invitation> Items);

public static class InvitationStatuses
{
    public const string Pending = "pending";
    public const string Active = "active";
    public const string Declined = "declined";
    public const string Withdrawn = "withdrawn";
    public const string Ended = "ended";
}
