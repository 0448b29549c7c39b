using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Customers;
using BillingBooks.Billing.Email;
using BillingBooks.Billing.Pdf;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;
using Dapper;
using MimeKit;

namespace BillingBooks.Billing.Invoices;

/// <summary>What the send dialog posts (SPEC 1.5).</summary>
public sealed record SendRequest(IReadOnlyList<string>? Recipients, string? Subject, string? Message, bool AttachPdf, bool SendCopy);

/// <summary>
/// /api/v1/invoices/{id}/send and /pdf (and the same for quotes): email a document with its secret link and PDF,
/// and download the PDF. Sending commits the link first, then mails outside any write, then marks a draft sent only
/// once the mail server took the message and only if the draft is still what was mailed: a failed delivery leaves
/// the document unchanged.
/// </summary>
public static class InvoiceDeliveryEndpoints
{
    public const int MaxRecipients = 20;

    public static void MapInvoiceDelivery(this RouteGroupBuilder books)
    {
        ArgumentNullException.ThrowIfNull(books);
        foreach (var (path, kind) in new[] { ("/invoices", InvoiceKinds.Invoice), ("/quotes", InvoiceKinds.Quote) })
        {
            var group = books.MapGroup(path).WithTags(kind == InvoiceKinds.Quote ? "Quotes" : "Invoices");
            group.MapGet("/{id}/pdf", (Tenant tenant, string id, Database db, TimeProvider clock, HttpContext http) => PdfAsync(tenant, kind, id, db, clock, http))
                .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
            group.MapPost("/{id}/send", (Tenant tenant, Caller caller, string id, Database db, TimeProvider clock, Mailer mailer, IConfiguration configuration, HttpRequest request) =>
                    SendAsync(new Sender(tenant, caller, kind, db, clock, mailer, configuration), id, request))
                .Accepts<SendRequest>("application/json").Produces<InvoiceResponse>();
        }
    }

    /// <summary>The document as the PDF shows it, for the API and the customer's link alike.</summary>
    public static async Task<(InvoiceResponse Invoice, byte[] Pdf)?> RenderAsync(Session session, AccountId account, string kind, long id, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(session);
        var stored = await InvoiceStore.GetAsync(session, account, kind, new InvoiceId(id)).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var profile = await Profiles.ReadAsync(session, account).ConfigureAwait(false);
        var response = InvoiceViews.ToResponse(stored.State, stored.Paid, Profiles.Today(profile, clock));
        return (response, await RenderAsync(session, account, response, profile).ConfigureAwait(false));
    }

    private static async Task<byte[]> RenderAsync(Session session, AccountId account, InvoiceResponse invoice, ProfileDocument profile)
    {
        var customer = await CustomerStore.GetAsync(session, account, new CustomerId(long.Parse(invoice.CustomerId, System.Globalization.CultureInfo.InvariantCulture))).ConfigureAwait(false)
            ?? await DeletedCustomerAsync(session, account, invoice.CustomerId).ConfigureAwait(false);
        var logo = await Logos.ReadAsync(session, account).ConfigureAwait(false);
        return InvoicePdf.Render(invoice, profile, customer, logo);
    }

    /// <summary>A soft-deleted customer still names its old invoices.</summary>
    private static async Task<CustomerResponse> DeletedCustomerAsync(Session session, AccountId account, string id)
    {
        var name = await session.Connection.QuerySingleOrDefaultAsync<string>(
            "SELECT name FROM customers WHERE account_id = @account AND id = @id",
            new { account = account.Value, id = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) },
            session.Transaction).ConfigureAwait(false);
        return new CustomerResponse(id, name ?? "", new Address(null, null, null, null, null, null), null, null, null, null, "CAD", [], null, 0);
    }

    public static string FileName(InvoiceResponse invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var safe = new string(invoice.Number.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        return $"{(invoice.Kind == InvoiceKinds.Quote ? "quote" : "invoice")}-{safe}.pdf";
    }

    private static async Task<IResult> PdfAsync(Tenant tenant, string kind, string id, Database db, TimeProvider clock, HttpContext http)
    {
        if (!WireId.TryParse(id, out var value))
        {
            return InvoiceEndpoints.NotFoundFor(kind).ToResult();
        }

        await using var session = await db.BeginSnapshotAsync(http.RequestAborted).ConfigureAwait(false);
        var rendered = await RenderAsync(session, tenant.Account, kind, value, clock).ConfigureAwait(false);
        return rendered is null
            ? InvoiceEndpoints.NotFoundFor(kind).ToResult()
            : Results.File(rendered.Value.Pdf, "application/pdf", FileName(rendered.Value.Invoice));
    }

    private sealed record Sender(Tenant Tenant, Caller Caller, string Kind, Database Db, TimeProvider Clock, Mailer Mailer, IConfiguration Configuration);

    private static async Task<IResult> SendAsync(Sender s, string id, HttpRequest request)
    {
        var body = await JsonBody.ReadAsync<SendRequest>(request).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        if (!WireId.TryParse(id, out var value))
        {
            return InvoiceEndpoints.NotFoundFor(s.Kind).ToResult();
        }

        var prepared = await PrepareAsync(s, new InvoiceId(value), body.Value!, request).ConfigureAwait(false);
        if (prepared.Error is not null)
        {
            return prepared.Error.ToResult();
        }

        // The message (its PDF takes milliseconds) is made and the mail server waited for outside any write: a write holds
        // the account's lock and, on SQLite, the one writer every account's writes queue for (a slow mail server once
        // held them all for up to its timeout).
        var (invoice, profile, letter, link, draft) = prepared.Value!;
        MimeMessage message;
        await using (var read = await s.Db.BeginSnapshotAsync(request.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            message = await ComposeAsync(read, s.Tenant.Account, s.Kind, invoice, profile, s.Caller.Email, s.Mailer.Options.From, link, letter,
                request.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        // From here on not cancelled: once the mail may go, what was sent is recorded even if the client has gone.
        var failure = await s.Mailer.SendAsync(message, CancellationToken.None).ConfigureAwait(false);
        if (failure is not null)
        {
            return new Refused(failure + " Nothing was changed; check the address or try again.").ToResult();
        }

        if (draft is null)
        {
            return Results.Json(invoice, Json.Options);
        }

        var noun = s.Kind == InvoiceKinds.Quote ? "quote" : "invoice";
        var (outcome, stored) = await MarkMailedSentAsync(s.Db, s.Tenant.Account, s.Kind, new InvoiceId(value), draft).ConfigureAwait(false);
        return outcome switch
        {
            MailedDraft.Deleted => new Conflict($"The {noun} was deleted while its email was being sent; the email went out, so tell the customer to disregard it.", null).ToResult(),
            MailedDraft.Voided => new Conflict($"The {noun} was voided while its email was being sent; the email went out, so tell the customer to disregard it.", null).ToResult(),
            MailedDraft.Edited => new Conflict($"The {noun} was edited while its email was being sent: the email carried the version before the edit, and the {noun} stays a draft. Check it and send it again.", null).ToResult(),
            _ => Results.Json(InvoiceViews.ToResponse(stored!.State, stored.Paid, Profiles.Today(profile, s.Clock)), Json.Options),
        };
    }

    /// <summary>
    /// What a sending needs once its write is committed: the invoice as sent, the letter, the customer's link, and the
    /// draft as mailed (null when the document was sent before), to mark sent only if it is still that.
    /// </summary>
    private sealed record Prepared(InvoiceResponse Invoice, ProfileDocument Profile, Letter Letter, string Link, InvoiceState? Draft);

    /// <summary>
    /// Checks the sending and makes the customer's link. The link is committed before the mail goes: a link in no one's
    /// mail opens nothing anyone has, and it works as soon as the mail arrives.
    /// </summary>
    private static async Task<Result<Prepared>> PrepareAsync(Sender s, InvoiceId id, SendRequest send, HttpRequest request)
    {
        await using var write = await s.Db.BeginAccountWriteAsync(s.Tenant.Account, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var stored = write is null ? null : await InvoiceStore.GetAsync(write, s.Tenant.Account, s.Kind, id).ConfigureAwait(false);
        if (write is null || stored is null)
        {
            return InvoiceEndpoints.NotFoundFor(s.Kind);
        }

        // Whose record it is comes first (404), then what the body says (422).
        var recipients = Recipients(send);
        if (recipients.Error is not null)
        {
            return recipients.Error;
        }

        var profile = await Profiles.ReadAsync(write, s.Tenant.Account).ConfigureAwait(false);
        var state = stored.State;
        if (state.Stage == InvoiceStatuses.Void)
        {
            return new Refused("A void invoice is not sent; copy it into a new invoice instead.");
        }

        InvoiceState? draft = null;
        if (state.Stage is InvoiceStatuses.Draft or InvoiceStatuses.QuoteDraft)
        {
            if ((Profiles.MissingForSending(profile) ?? InvoiceRules.WhyNotSendable(state, state.Compute())) is { } why)
            {
                return new Refused(why);
            }

            draft = state;
            state = Sent(state);
        }

        var invoice = InvoiceViews.ToResponse(state, stored.Paid, Profiles.Today(profile, s.Clock));
        var token = await InvoiceLinks.CreateAsync(write, s.Tenant.Account, state.Id, s.Clock.GetUtcNow()).ConfigureAwait(false);
        var letter = new Letter(recipients.Value!, send.Subject, send.Message, send.AttachPdf, send.SendCopy ? s.Caller.Email : null);
        await write.CommitAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        return new Prepared(invoice, profile, letter, $"{PublicOrigin(s.Configuration, request)}/view/{token}", draft);
    }

    /// <summary>What became of a mailed draft once the mail server had taken the message.</summary>
    internal enum MailedDraft
    {
        MarkedSent,
        SentMeanwhile,
        Edited,
        Voided,
        Deleted,
    }

    /// <summary>
    /// Once the mail server took it, the draft becomes sent, if it is still the draft that was mailed. Changed meanwhile
    /// (another request edited, voided or deleted it), it is left as it is: the customer has the mail of the earlier
    /// version, and marking this one sent would record what nobody received. Not cancelled: the mail is out.
    /// </summary>
    internal static async Task<(MailedDraft Outcome, StoredInvoice? Stored)> MarkMailedSentAsync(Database db, AccountId account, string kind, InvoiceId id, InvoiceState mailed)
    {
        await using var write = await db.BeginAccountWriteAsync(account, CancellationToken.None).ConfigureAwait(false);
        var stored = write is null ? null : await InvoiceStore.GetAsync(write, account, kind, id).ConfigureAwait(false);
        if (write is null || stored is null)
        {
            return (MailedDraft.Deleted, null);
        }

        if (stored.State.Stage == InvoiceStatuses.Void)
        {
            return (MailedDraft.Voided, stored);
        }

        if (stored.State.Stage is not (InvoiceStatuses.Draft or InvoiceStatuses.QuoteDraft))
        {
            return (MailedDraft.SentMeanwhile, stored);
        }

        if (InvoiceStore.Serialize(stored.State) != InvoiceStore.Serialize(mailed))
        {
            return (MailedDraft.Edited, stored);
        }

        var sent = stored with { State = Sent(stored.State) };
        await InvoiceStore.SaveAsync(write, sent.State, sent.Paid).ConfigureAwait(false);
        await write.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return (MailedDraft.MarkedSent, sent);
    }

    /// <summary>The same transition as mark-sent: an invoice enters the change feed the first time it is sent.</summary>
    internal static InvoiceState Sent(InvoiceState draft) => draft.Kind == InvoiceKinds.Quote
        ? draft with { Stage = InvoiceStatuses.QuoteSent }
        : draft with { Stage = InvoiceStatuses.Sent, InFeed = true };

    /// <summary>What goes out with a document: to whom, the subject and note (defaults when empty), the PDF or not, a copy to.</summary>
    public sealed record Letter(IReadOnlyList<string> To, string? Subject, string? Message, bool AttachPdf, string? CopyTo);

    /// <summary>
    /// The email that carries an invoice or quote (the send dialog's and a recurring invoice's alike): from the company
    /// (replies to <paramref name="replyTo"/>), the note, the customer's <paramref name="link"/>, the totals, the PDF.
    /// </summary>
    public static async Task<MimeMessage> ComposeAsync(Session session, AccountId account, string kind, InvoiceResponse invoice, ProfileDocument profile,
        string replyTo, string from, string link, Letter letter, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(letter);
        var company = profile.CompanyName ?? profile.ContactName ?? replyTo;
        var noun = kind == InvoiceKinds.Quote ? "quote" : "invoice";
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(company, from));
        message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        foreach (var recipient in letter.To)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        if (letter.CopyTo is { } copy)
        {
            message.Bcc.Add(MailboxAddress.Parse(copy));
        }

        message.Subject = string.IsNullOrWhiteSpace(letter.Subject) ? $"New {noun} from {company}" : letter.Subject.Trim();
        // "Attached" only when it is: a customer told to find a PDF that is not there writes back asking for it.
        var note = letter.AttachPdf ? $"Please find {noun} {invoice.Number} attached." : $"Here is {noun} {invoice.Number} from {company}.";
        var text = (string.IsNullOrWhiteSpace(letter.Message) ? note : letter.Message.Trim()) +
                   $"\n\nView your {noun} online: {link}\n\n{noun[..1].ToUpperInvariant()}{noun[1..]} {invoice.Number}, total {Pages.Amounts.Format(invoice.Total, invoice.Currency)}" +
                   (kind == InvoiceKinds.Quote ? "" : $", owing {Pages.Amounts.Format(invoice.Owing, invoice.Currency)}, due {invoice.DueDate:yyyy-MM-dd}") + $".\n\n{company}\n";
        var builder = new BodyBuilder { TextBody = text };
        if (letter.AttachPdf)
        {
            var pdf = new MemoryStream(await RenderAsync(session, account, invoice, profile).ConfigureAwait(false));
            await builder.Attachments.AddAsync(FileName(invoice), pdf, new ContentType("application", "pdf"), cancel).ConfigureAwait(false);
        }

        message.Body = builder.ToMessageBody();
        return message;
    }

    private static Result<string[]> Recipients(SendRequest send)
    {
        var recipients = (send.Recipients ?? []).Select(r => r?.Trim() ?? "").Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var errors = new FieldErrors();
        if (recipients.Length == 0)
        {
            errors.Add("recipients", "at least one recipient is needed: pick a contact or type an email address");
        }
        else if (recipients.Length > MaxRecipients)
        {
            errors.Add("recipients", $"at most {MaxRecipients} recipients");
        }

        foreach (var bad in recipients.Where(r => !MailboxAddress.TryParse(r, out var m) || !m.Address.Contains('@', StringComparison.Ordinal)))
        {
            errors.Add("recipients", $"'{bad}' is not an email address like name@example.com");
        }

        errors.MaxLength("subject", send.Subject, 255);
        errors.MaxLength("message", send.Message, 10_000);
        return errors.IsEmpty ? recipients : errors.ToError();
    }

    /// <summary>--public-url without its trailing slash, if given.</summary>
    public static string? ConfiguredOrigin(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["public-url"];
        return string.IsNullOrWhiteSpace(configured) ? null : configured.TrimEnd('/');
    }

    /// <summary>Where customers reach the service: --public-url, else the browser's origin (see below).</summary>
    public static string PublicOrigin(IConfiguration configuration, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ConfiguredOrigin(configuration) is { } configured)
        {
            return configured;
        }

        // This request's origin is the browser's when a trusted proxy said so (Web/TrustedProxies). The pages' own
        // calls come over loopback and say the browser's origin themselves, believed only from them.
        var host = request.Headers["X-Forwarded-Host"].ToString();
        var scheme = request.Headers["X-Forwarded-Proto"].ToString();
        return host.Length > 0 && scheme is "http" or "https" && request.HttpContext.RequestServices.GetRequiredService<Pages.PageCalls>().IsPageCall(request.HttpContext)
            ? $"{scheme}://{host}"
            : $"{request.Scheme}://{request.Host}";
    }
}
