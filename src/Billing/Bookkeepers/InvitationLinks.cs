using System.Globalization;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;

namespace BillingBooks.Billing.Bookkeepers;

/// <summary>
/// The secret link of a bookkeeper invitation: 256 random bits mailed to the invited address, of which only the
/// SHA-256 is stored. It opens the invitation only while pending and unexpired, and only for an account signed
/// in with the invited email; every status change clears it, so it works once.
/// </summary>
public static class InvitationLinks
{
    public sealed record Link(string Token, string Hash, DateTimeOffset Expires);

    public static readonly InvalidLink Used = new(
        "This invitation link is not valid: it is mistyped, was already used, or the invitation was declined or withdrawn. Ask your client to invite you again.");

    public static Link New(DateTimeOffset now, TimeSpan lifetime)
    {
        var token = TokenHash.NewToken();
        return new Link(token, TokenHash.Of(token), now + lifetime);
    }

    public static async Task<Result<InvitationRow>> OpenAsync(Session session, string token, Caller caller, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(caller);
        if (token.Length > 100)
        {
            return Used;
        }

        var row = await session.QuerySingleOrDefaultAsync<InvitationRow>(
            InvitationRow.Select + "WHERE i.token_hash = @hash AND i.status = 'pending'", new { hash = TokenHash.Of(token) }).ConfigureAwait(false);
        if (row is null)
        {
            return Used;
        }

        if (row.LinkExpiresAt is not { } expires || expires <= now.ToUnixTimeSeconds())
        {
            var when = DateTimeOffset.FromUnixTimeSeconds(row.LinkExpiresAt ?? 0).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            return new InvalidLink($"This invitation link expired on {when}; ask your client to withdraw the invitation and invite you again.");
        }

        if (AccountEndpoints.EmailKey(row.Email) != AccountEndpoints.EmailKey(caller.Email))
        {
            return new Forbidden(
                $"This invitation is for {row.Email}, and you are signed in as {caller.Email}. Sign in with {row.Email} (sign up with it if you have no account) and open the link again.");
        }

        return row;
    }
}

/// <summary>An invitation as stored, with the inviting client's email.</summary>
public sealed record InvitationRow(long Id, long AccountId, string ClientEmail, string Email, string Status, string CreatedAt, string ChangedAt, long? LinkExpiresAt)
{
    public const string Select =
        "SELECT i.id AS Id, i.account_id AS AccountId, a.email AS ClientEmail, i.email AS Email, i.status AS Status, i.created_at AS CreatedAt, " +
        "i.changed_at AS ChangedAt, i.token_expires_at AS LinkExpiresAt FROM invitations i JOIN accounts a ON a.id = i.account_id ";

    public Invitation ToInvitation() => new(
        Id.ToString(CultureInfo.InvariantCulture),
        AccountId.ToString(CultureInfo.InvariantCulture),
        ClientEmail,
        Email,
        Status,
        DateTimeOffset.Parse(CreatedAt, CultureInfo.InvariantCulture),
        DateTimeOffset.Parse(ChangedAt, CultureInfo.InvariantCulture),
        Status == InvitationStatuses.Pending && LinkExpiresAt is { } expires ? DateTimeOffset.FromUnixTimeSeconds(expires) : null);
}
