using System.Globalization;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Email;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;
using Microsoft.Extensions.Options;

namespace BillingBooks.Billing.Bookkeepers;

/// <summary>
/// SPEC 1.7. /bookkeepers: the invitations I sent (and the contracts they became); /clients: those I answered.
/// Invitation: pending -> active (accepted) or declined; the user withdraws a pending one; either side ends
/// an active contract, and access ends at once (the tenant check reads the contract on every request).
/// Signing up never proves a mailbox, so the invited email alone grants nothing: the bookkeeper answers with
/// the secret token of the link mailed to them (<see cref="InvitationLinks"/>), signed in with that email.
/// </summary>
public static class BookkeeperEndpoints
{
    public static void MapBookkeepers(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/v1/bookkeepers").WithTags("Bookkeepers").RequireAuthorization();
        mine.MapGet("", (Caller caller, Database db, TimeProvider clock, HttpContext http) => ListAsync(db, "i.account_id = @caller", caller, clock, http)).Produces<InvitationList>();
        mine.MapPost("", InviteAsync).Accepts<InvitationRequest>("application/json").Produces<Invitation>(StatusCodes.Status201Created);
        mine.MapPost("/{id}/withdraw", (Caller caller, string id, Database db, TimeProvider clock, HttpContext http) =>
            ChangeAsync(caller, id, db, clock, http, asClient: true, from: InvitationStatuses.Pending, to: InvitationStatuses.Withdrawn)).Produces<Invitation>();
        mine.MapPost("/{id}/end", (Caller caller, string id, Database db, TimeProvider clock, HttpContext http) =>
            ChangeAsync(caller, id, db, clock, http, asClient: true, from: InvitationStatuses.Active, to: InvitationStatuses.Ended)).Produces<Invitation>();

        var clients = app.MapGroup("/api/v1/clients").WithTags("Bookkeepers").RequireAuthorization();
        clients.MapGet("", (Caller caller, Database db, TimeProvider clock, HttpContext http) =>
            ListAsync(db, "i.bookkeeper_id = @caller", caller, clock, http)).Produces<InvitationList>();
        clients.MapPost("/invitation", (Caller caller, Database db, TimeProvider clock, HttpRequest request) => AnswerAsync(caller, db, clock, request, to: null))
            .Accepts<InvitationToken>("application/json").Produces<Invitation>();
        clients.MapPost("/accept", (Caller caller, Database db, TimeProvider clock, HttpRequest request) => AnswerAsync(caller, db, clock, request, InvitationStatuses.Active))
            .Accepts<InvitationToken>("application/json").Produces<Invitation>();
        clients.MapPost("/decline", (Caller caller, Database db, TimeProvider clock, HttpRequest request) => AnswerAsync(caller, db, clock, request, InvitationStatuses.Declined))
            .Accepts<InvitationToken>("application/json").Produces<Invitation>();
        clients.MapPost("/{id}/end", (Caller caller, string id, Database db, TimeProvider clock, HttpContext http) =>
            ChangeAsync(caller, id, db, clock, http, asClient: false, from: InvitationStatuses.Active, to: InvitationStatuses.Ended)).Produces<Invitation>();
    }

    private static readonly Conflict ChangedMeanwhile = new(
        "Another request changed this invitation at the same moment (e.g. the other side withdrew, accepted or ended it); reload it to see its status.", null);

    private static async Task<IResult> ListAsync(Database db, string where, Caller caller, TimeProvider clock, HttpContext http)
    {
        await using var session = await db.BeginSnapshotAsync(http.RequestAborted).ConfigureAwait(false);
        var rows = await session.QueryAsync<InvitationRow>(InvitationRow.Select + "WHERE " + where + " ORDER BY i.id", new { caller = caller.Account.Value }).ConfigureAwait(false);
        return Results.Json(new InvitationList(rows.Select(r => r.ToInvitation()).ToArray()), Json.Options);
    }

    /// <summary>
    /// Creates the invitation and mails its link; if the mail server does not take the message, the invitation is taken
    /// back. The mail goes after the invitation is committed, outside any write: a write holds the account's lock and,
    /// on SQLite, the one writer every account's writes queue for.
    /// </summary>
    private static async Task<IResult> InviteAsync(
        Caller caller, Database db, TimeProvider clock, Mailer mailer, IConfiguration configuration, IOptions<AccountOptions> options, HttpRequest request)
    {
        var body = await JsonBody.ReadAsync<InvitationRequest>(request).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        var email = body.Value!.Email?.Trim();
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(email) || !MimeKit.MailboxAddress.TryParse(email, out var mailbox) || mailbox.Address != email || email.Length > 254)
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

        var created = await CreateInvitationAsync(caller, db, clock, mailer, configuration, options.Value, request, email!).ConfigureAwait(false);
        if (created.Error is not null)
        {
            return created.Error.ToResult();
        }

        // Not cancelled: a client gone while the mail is out must not leave the invitation pending with no mail sent.
        var (row, mail) = created.Value;
        var failure = await mailer.SendAsync(mail, CancellationToken.None).ConfigureAwait(false);
        if (failure is not null)
        {
            await using (var undo = await db.BeginAccountWriteAsync(caller.Account, CancellationToken.None).ConfigureAwait(false))
            {
                // Still pending: nobody has its link. Whatever else happened to it meanwhile stays.
                if (undo is null)
                {
                    return new NotFound("account").ToResult();
                }

                await undo.ExecuteAsync("DELETE FROM invitations WHERE account_id = @account AND id = @id AND status = 'pending'",
                    new { account = caller.Account.Value, id = row.Id }).ConfigureAwait(false);
                await undo.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }

            return new Refused(failure + " Nothing was changed; check the address or try again.").ToResult();
        }

        return Results.Json(row.ToInvitation(), Json.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<Result<(InvitationRow Row, MimeKit.MimeMessage Mail)>> CreateInvitationAsync(
        Caller caller, Database db, TimeProvider clock, Mailer mailer, IConfiguration configuration, AccountOptions options, HttpRequest request, string email)
    {
        var key = AccountEndpoints.EmailKey(email);
        await using var write = await db.BeginAccountWriteAsync(caller.Account, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (write is null)
        {
            return new NotFound("account");
        }

        var open = await write.QuerySingleOrDefaultAsync<long?>(
            "SELECT id FROM invitations WHERE account_id = @account AND email_key = @key AND status IN ('pending', 'active')",
            new { account = caller.Account.Value, key }).ConfigureAwait(false);
        if (open is not null)
        {
            return new Conflict($"{email} is already invited or already your bookkeeper; to send a new link, withdraw the pending invitation and invite again.", "email");
        }

        var now = clock.GetUtcNow();
        var link = InvitationLinks.New(now, options.InvitationLifetime);
        var id = await write.QuerySingleAsync<long>(
            "INSERT INTO invitations (account_id, email, email_key, status, bookkeeper_id, created_at, changed_at, token_hash, token_expires_at) " +
            "VALUES (@account, @email, @key, 'pending', NULL, @now, @now, @hash, @expires) RETURNING id",
            new { account = caller.Account.Value, email, key, now = now.ToString("O", CultureInfo.InvariantCulture), hash = link.Hash, expires = link.Expires.ToUnixTimeSeconds() }).ConfigureAwait(false);
        var row = await write.QuerySingleAsync<InvitationRow>(
            InvitationRow.Select + "WHERE i.id = @id AND i.account_id = @account", new { id, account = caller.Account.Value }).ConfigureAwait(false);

        var profile = await Profiles.ReadAsync(write, caller.Account).ConfigureAwait(false);
        var url = $"{InvoiceDeliveryEndpoints.PublicOrigin(configuration, request)}/invitations/{link.Token}";
        var mail = InvitationMail.Compose(mailer.Options.From, caller.Email, profile.CompanyName ?? profile.ContactName, email, url, link.Expires);
        await write.CommitAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        return (row, mail);
    }

    /// <summary>
    /// The bookkeeper's answer through the mailed link: <paramref name="to"/> null only shows the invitation the
    /// link opens. The token must open a pending, unexpired invitation for the caller's own email.
    /// </summary>
    private static async Task<IResult> AnswerAsync(Caller caller, Database db, TimeProvider clock, HttpRequest request, string? to)
    {
        var body = await JsonBody.ReadAsync<InvitationToken>(request).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        var token = body.Value!.Token?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            return new InvalidInput(new Dictionary<string, string[]>
            {
                ["token"] = ["the token of the invitation link is required: the part after /invitations/ in the link your client's email holds"],
            }).ToResult();
        }

        var now = clock.GetUtcNow();
        await using var session = await db.BeginAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        var opened = await InvitationLinks.OpenAsync(session, token, caller, now).ConfigureAwait(false);
        if (opened.Error is not null)
        {
            return opened.Error.ToResult();
        }

        var row = opened.Value!;
        if (to is null)
        {
            return Results.Json(row.ToInvitation(), Json.Options);
        }

        // Single use: the token goes with the status change, in one statement that a concurrent answer cannot repeat.
        var changed = await session.ExecuteAsync(
            "UPDATE invitations SET status = @to, changed_at = @now, bookkeeper_id = @caller, token_hash = NULL, token_expires_at = NULL " +
            "WHERE id = @id AND status = 'pending' AND token_hash = @hash",
            new { to, now = now.ToString("O", CultureInfo.InvariantCulture), caller = caller.Account.Value, id = row.Id, hash = TokenHash.Of(token) }).ConfigureAwait(false);
        if (changed == 0)
        {
            return ChangedMeanwhile.ToResult();
        }

        // Now the caller's as its bookkeeper, which the statement above made it.
        var answered = await session.QuerySingleAsync<InvitationRow>(
            InvitationRow.Select + "WHERE i.id = @id AND i.bookkeeper_id = @caller", new { id = row.Id, caller = caller.Account.Value }).ConfigureAwait(false);
        await session.CommitAsync().ConfigureAwait(false);
        return Results.Json(answered.ToInvitation(), Json.Options);
    }

    /// <summary>
    /// Moves an invitation along by id. <paramref name="asClient"/>: the caller must be the inviting account, else
    /// the bookkeeper who answered it. Somebody else's invitation is not found.
    /// </summary>
    private static async Task<IResult> ChangeAsync(Caller caller, string id, Database db, TimeProvider clock, HttpContext http, bool asClient, string from, string to)
    {
        if (!WireId.TryParse(id, out var value))
        {
            return new NotFound("invitation").ToResult();
        }

        // Whose it is goes into every statement, not only the first: every query of a tenant-owned row takes the tenant.
        var (mine, moveMine) = asClient
            ? ("WHERE i.id = @id AND i.account_id = @caller", "WHERE id = @id AND account_id = @caller AND status = @from")
            : ("WHERE i.id = @id AND i.bookkeeper_id = @caller", "WHERE id = @id AND bookkeeper_id = @caller AND status = @from");
        await using var session = await db.BeginAsync(http.RequestAborted).ConfigureAwait(false);
        var row = await session.QuerySingleOrDefaultAsync<InvitationRow>(InvitationRow.Select + mine, new { id = value, caller = caller.Account.Value }).ConfigureAwait(false);
        if (row is null)
        {
            return new NotFound("invitation").ToResult();
        }

        if (row.Status != from)
        {
            return new Refused($"This invitation is {row.Status}; only a {from} one can become {to}.").ToResult();
        }

        // Conditional on the status just read: of two concurrent changes (PostgreSQL runs them side by side), one wins.
        var moved = await session.ExecuteAsync(
            "UPDATE invitations SET status = @to, changed_at = @now, token_hash = NULL, token_expires_at = NULL " + moveMine,
            new { to, from, now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), id = value, caller = caller.Account.Value }).ConfigureAwait(false);
        if (moved == 0)
        {
            return ChangedMeanwhile.ToResult();
        }

        var changed = await session.QuerySingleAsync<InvitationRow>(InvitationRow.Select + mine, new { id = value, caller = caller.Account.Value }).ConfigureAwait(false);
        await session.CommitAsync().ConfigureAwait(false);
        return Results.Json(changed.ToInvitation(), Json.Options);
    }
}
