using System.Globalization;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;

namespace BillingBooks.Billing.Bookkeepers;

/// <summary>
/// SPEC 1.7. /bookkeepers: the invitations I sent (and the contracts they became); /clients: those I received.
/// Invitation: pending -> active (accepted) or declined; the user withdraws a pending one; either side ends
/// an active contract, and access ends at once (the tenant check reads the contract on every request).
/// </summary>
public static class BookkeeperEndpoints
{
    public static void MapBookkeepers(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/v1/bookkeepers").WithTags("Bookkeepers").RequireAuthorization();
        mine.MapGet("", (Caller caller, Database db, HttpContext http) => ListAsync(db, "i.account_id = @caller", caller, http)).Produces<InvitationList>();
        mine.MapPost("", InviteAsync).Accepts<InvitationRequest>("application/json").Produces<Invitation>(StatusCodes.Status201Created);
        mine.MapPost("/{id}/withdraw", (Caller caller, string id, Database db, TimeProvider clock, HttpContext http) =>
            ChangeAsync(caller, id, db, clock, http, asClient: true, from: InvitationStatuses.Pending, to: InvitationStatuses.Withdrawn)).Produces<Invitation>();
        mine.MapPost("/{id}/end", (Caller caller, string id, Database db, TimeProvider clock, HttpContext http) =>
            ChangeAsync(caller, id, db, clock, http, asClient: true, from: InvitationStatuses.Active, to: InvitationStatuses.Ended)).Produces<Invitation>();

        var clients = app.MapGroup("/api/v1/clients").WithTags("Bookkeepers").RequireAuthorization();
        clients.MapGet("", (Caller caller, Database db, HttpContext http) =>
            ListAsync(db, "(i.email_key = @email OR i.bookkeeper_id = @caller)", caller, http)).Produces<InvitationList>();
        clients.MapPost("/{id}/accept", (Caller caller, string id, Database db, TimeProvider clock, HttpContext http) =>
            ChangeAsync(caller, id, db, clock, http, asClient: false, from: InvitationStatuses.Pending, to: InvitationStatuses.Active)).Produces<Invitation>();
        clients.MapPost("/{id}/decline", (Caller caller, string id, Database db, TimeProvider clock, HttpContext http) =>
            ChangeAsync(caller, id, db, clock, http, asClient: false, from: InvitationStatuses.Pending, to: InvitationStatuses.Declined)).Produces<Invitation>();
        clients.MapPost("/{id}/end", (Caller caller, string id, Database db, TimeProvider clock, HttpContext http) =>
            ChangeAsync(caller, id, db, clock, http, asClient: false, from: InvitationStatuses.Active, to: InvitationStatuses.Ended)).Produces<Invitation>();
    }

    private const string Select =
        "SELECT i.id AS Id, i.account_id AS AccountId, a.email AS ClientEmail, i.email AS Email, i.status AS Status, i.created_at AS CreatedAt, i.changed_at AS ChangedAt " +
        "FROM invitations i JOIN accounts a ON a.id = i.account_id ";

    private static async Task<IResult> ListAsync(Database db, string where, Caller caller, HttpContext http)
    {
        await using var session = await db.BeginSnapshotAsync(http.RequestAborted).ConfigureAwait(false);
        var rows = await session.QueryAsync<Row>(Select + "WHERE " + where + " ORDER BY i.id",
            new { caller = caller.Account.Value, email = AccountEndpoints.EmailKey(caller.Email) }).ConfigureAwait(false);
        return Results.Json(new InvitationList(rows.Select(r => r.ToInvitation()).ToArray()), Json.Options);
    }

    private static async Task<IResult> InviteAsync(Caller caller, Database db, TimeProvider clock, HttpRequest request)
    {
        var body = await JsonBody.ReadAsync<InvitationRequest>(request).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        var email = body.Value!.Email?.Trim();
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(email) || !email.Contains('@', StringComparison.Ordinal) || email.Length > 254)
        {
            errors.Add("email", "the bookkeeper's email address is required, like name@example.com");
        }
        else if (AccountEndpoints.EmailKey(email) == AccountEndpoints.EmailKey(caller.Email))
        {
            errors.Add("email", "you cannot invite yourself; invite your bookkeeper's email");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToError().ToResult();
        }

        var key = AccountEndpoints.EmailKey(email!);
        await using var write = await db.BeginAccountWriteAsync(caller.Account, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (write is null)
        {
            return new NotFound("account").ToResult();
        }

        var open = await write.QuerySingleOrDefaultAsync<long?>(
            "SELECT id FROM invitations WHERE account_id = @account AND email_key = @key AND status IN ('pending', 'active')",
            new { account = caller.Account.Value, key }).ConfigureAwait(false);
        if (open is not null)
        {
            return new Conflict($"{email} is already invited or already your bookkeeper.", "email").ToResult();
        }

        var now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var id = await write.QuerySingleAsync<long>(
            "INSERT INTO invitations (account_id, email, email_key, status, bookkeeper_id, created_at, changed_at) VALUES (@account, @email, @key, 'pending', NULL, @now, @now) RETURNING id",
            new { account = caller.Account.Value, email, key, now }).ConfigureAwait(false);
        var row = await write.QuerySingleAsync<Row>(Select + "WHERE i.id = @id", new { id }).ConfigureAwait(false);
        await write.CommitAsync().ConfigureAwait(false);
        return Results.Json(row.ToInvitation(), Json.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>
    /// Moves an invitation along. <paramref name="asClient"/>: the caller must be the inviting account, else the
    /// invited bookkeeper. Somebody else's invitation is not found.
    /// </summary>
    private static async Task<IResult> ChangeAsync(Caller caller, string id, Database db, TimeProvider clock, HttpContext http, bool asClient, string from, string to)
    {
        if (!WireId.TryParse(id, out var value))
        {
            return new NotFound("invitation").ToResult();
        }

        await using var session = await db.BeginAsync(http.RequestAborted).ConfigureAwait(false);
        var row = await session.QuerySingleOrDefaultAsync<Row>(
            Select + (asClient
                ? "WHERE i.id = @id AND i.account_id = @caller"
                : "WHERE i.id = @id AND (i.email_key = @email OR i.bookkeeper_id = @caller)"),
            new { id = value, caller = caller.Account.Value, email = AccountEndpoints.EmailKey(caller.Email) }).ConfigureAwait(false);
        if (row is null)
        {
            return new NotFound("invitation").ToResult();
        }

        if (row.Status != from)
        {
            return new Refused($"This invitation is {row.Status}; only a {from} one can become {to}.").ToResult();
        }

        await session.ExecuteAsync(
            "UPDATE invitations SET status = @to, changed_at = @now, bookkeeper_id = CASE WHEN @to = 'active' THEN @caller ELSE bookkeeper_id END WHERE id = @id",
            new { to, now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), caller = caller.Account.Value, id = value }).ConfigureAwait(false);
        var changed = await session.QuerySingleAsync<Row>(Select + "WHERE i.id = @id", new { id = value }).ConfigureAwait(false);
        await session.CommitAsync().ConfigureAwait(false);
        return Results.Json(changed.ToInvitation(), Json.Options);
    }

    private sealed record Row(long Id, long AccountId, string ClientEmail, string Email, string Status, string CreatedAt, string ChangedAt)
    {
        public Invitation ToInvitation() => new(
            Id.ToString(CultureInfo.InvariantCulture),
            AccountId.ToString(CultureInfo.InvariantCulture),
            ClientEmail,
            Email,
            Status,
            DateTimeOffset.Parse(CreatedAt, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(ChangedAt, CultureInfo.InvariantCulture));
    }
}
