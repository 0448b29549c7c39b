using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Customers;
using BillingBooks.Billing.Payments;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;

namespace BillingBooks.Billing.Invoices;

/// <summary>The writes on invoices and quotes; each is one transaction holding the account's lock.</summary>
internal static class InvoiceCommands
{
    public static async Task<IResult> CreateAsync(Tenant tenant, string kind, Database db, TimeProvider clock, HttpRequest request)
    {
        var body = await JsonBody.ReadAsync<InvoiceRequest>(request).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        await using var write = await db.BeginAccountWriteAsync(tenant.Account, request.HttpContext.RequestAborted, ReadsOfCreate(tenant.Account, kind, body.Value!)).ConfigureAwait(false);
        if (write is null)
        {
            return new NotFound("account").ToResult();
        }

        var created = await CreateAsync(write, kind, body.Value!, clock).ConfigureAwait(false);
        if (created.Error is not null)
        {
            return created.Error.ToResult();
        }

        await write.CommitAsync().ConfigureAwait(false);
        return Results.Json(created.Value, Json.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>
    /// What <see cref="CreateAsync(AccountWrite, string, InvoiceRequest, TimeProvider)"/> reads first: the customer, then, when
    /// no number is given, the last number and the new id (a given number is checked first, which ends the reads ahead).
    /// </summary>
    private static ReadAhead[] ReadsOfCreate(AccountId account, string kind, InvoiceRequest input)
    {
        if (input.CustomerId is null || !WireId.TryParse(input.CustomerId, out var customer))
        {
            return [];
        }

        var readCustomer = CustomerStore.ReadAheadGet(account, new CustomerId(customer));
        return string.IsNullOrWhiteSpace(input.Number)
            ? [readCustomer, InvoiceStore.ReadAheadNextNumber(account, kind), InvoiceStore.ReadAheadNewId()]
            : [readCustomer];
    }

    /// <summary>Creates a draft invoice or quote (also used by recurring invoices and the quote conversion).</summary>
    public static async Task<Result<InvoiceResponse>> CreateAsync(AccountWrite write, string kind, InvoiceRequest input, TimeProvider clock)
    {
        var valid = await ValidateNewAsync(write, kind, input, clock).ConfigureAwait(false);
        if (valid.Error is not null)
        {
            return valid.Error;
        }

        var (state, today) = valid.Value;
        if (state.Number.Length == 0)
        {
            state = state with { Number = await InvoiceStore.NextNumberAsync(write, write.Account, kind).ConfigureAwait(false) };
        }
        else if (await InvoiceStore.NumberTakenAsync(write, write.Account, kind, state.Number, 0).ConfigureAwait(false))
        {
            return NumberTaken(state.Number);
        }

        var saved = await InvoiceStore.InsertAsync(write, state).ConfigureAwait(false);
        return InvoiceViews.ToResponse(saved, 0, today);
    }

    /// <summary>A new draft as it would be created (taxes copied from the customer, else the profile), not yet numbered or saved.</summary>
    public static async Task<Result<(InvoiceState State, DateOnly Today)>> ValidateNewAsync(AccountWrite write, string kind, InvoiceRequest input, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(input);
        var profile = await Profiles.ReadAsync(write, write.Account).ConfigureAwait(false);
        var today = Profiles.Today(profile, clock);
        var customer = await FindCustomerAsync(write, input.CustomerId).ConfigureAwait(false);
        if (customer.Error is not null)
        {
            return customer.Error;
        }

        var taxes = (customer.Value!.Taxes ?? profile.Taxes ?? []).Where(t => t.Enabled).ToArray();
        var draft = new InvoiceState(
            0, kind, 0, "", today, today, null, null, customer.Value.Currency,
            kind == InvoiceKinds.Quote ? InvoiceStatuses.QuoteDraft : InvoiceStatuses.Draft,
            null, null, null, [], taxes, 1, false, null);
        var comments = input.Comments ?? (kind == InvoiceKinds.Quote ? profile.QuoteComments : profile.InvoiceComments);
        var contact = input.ContactEmail ?? customer.Value.Contacts.FirstOrDefault(c => c.IsDefault)?.Email;
        var valid = InvoiceRules.Validate(
            input with { Comments = comments, ContactEmail = contact },
            draft,
            new InvoiceRules.Context(long.Parse(customer.Value.Id, System.Globalization.CultureInfo.InvariantCulture), customer.Value.Currency, taxes, today));
        if (valid.Error is not null)
        {
            return valid.Error;
        }

        return (valid.Value!, today);
    }

    public static async Task<IResult> UpdateAsync(Tenant tenant, string kind, string id, Database db, TimeProvider clock, HttpRequest request)
    {
        var body = await JsonBody.ReadAsync<InvoiceRequest>(request).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        await using var write = await db.BeginAccountWriteAsync(tenant.Account, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var current = await LoadAsync(write, kind, id).ConfigureAwait(false);
        if (current.Error is not null)
        {
            return current.Error.ToResult();
        }

        var (state, paid, _) = current.Value!;
        if (state.Stage == InvoiceStatuses.Void)
        {
            return new Refused("A void invoice cannot be edited; create a new invoice instead.").ToResult();
        }

        var input = body.Value!;
        var customer = await FindCustomerAsync(write!, input.CustomerId).ConfigureAwait(false);
        if (customer.Error is not null)
        {
            return customer.Error.ToResult();
        }

        var profile = await Profiles.ReadAsync(write!, tenant.Account).ConfigureAwait(false);
        var today = Profiles.Today(profile, clock);
        var customerId = long.Parse(customer.Value!.Id, System.Globalization.CultureInfo.InvariantCulture);
        var valid = InvoiceRules.Validate(input, state, new InvoiceRules.Context(customerId, state.Currency, state.Taxes, today));
        if (valid.Error is not null)
        {
            return valid.Error.ToResult();
        }

        var next = valid.Value!;
        if (paid > 0 && (next.CustomerId != state.CustomerId || next.Currency != state.Currency))
        {
            return new Refused("Payments are applied to this invoice: its customer and currency cannot change. Delete the payments first.").ToResult();
        }

        if (paid > 0 && next.Date > state.Date && await PaymentStore.EarliestPaymentDateAsync(write!, state.Id).ConfigureAwait(false) is { } paidOn && next.Date > paidOn)
        {
            return new Refused(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"A payment dated {paidOn:yyyy-MM-dd} is applied to this invoice, and an invoice cannot be dated after a payment of it: date it {paidOn:yyyy-MM-dd} or earlier, or change that payment's date first.")).ToResult();
        }

        if (next.Number != state.Number && await InvoiceStore.NumberTakenAsync(write!, tenant.Account, kind, next.Number, state.Id).ConfigureAwait(false))
        {
            return NumberTaken(next.Number).ToResult();
        }

        if (state.IsSentFamily)
        {
            var total = next.Compute().Total;
            if (total.MinorUnits < paid)
            {
                return new Refused(
                    $"This edit makes the total {total.ToDecimalString()} less than the {Money.Money.FromMinorUnits(paid, total.Currency).ToDecimalString()} already paid, so the amount owing would be negative. " +
                    "Delete or change a payment first.").ToResult();
            }

            await InvoiceStore.KeepVersionAsync(write!, state, clock.GetUtcNow()).ConfigureAwait(false);
            next = next with { Stage = InvoiceStatuses.Changed, Revision = state.Revision + 1 };
        }

        await InvoiceStore.SaveAsync(write!, next, paid).ConfigureAwait(false);
        await write!.CommitAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        return Results.Json(InvoiceViews.ToResponse(next, paid, today), Json.Options);
    }

    public static async Task<IResult> MarkSentAsync(Tenant tenant, string kind, string id, Database db, TimeProvider clock, CancellationToken cancel)
    {
        await using var write = await db.BeginAccountWriteAsync(tenant.Account, cancel).ConfigureAwait(false);
        var current = await LoadAsync(write, kind, id).ConfigureAwait(false);
        if (current.Error is not null)
        {
            return current.Error.ToResult();
        }

        var (state, paid, _) = current.Value!;
        var draftStage = kind == InvoiceKinds.Quote ? InvoiceStatuses.QuoteDraft : InvoiceStatuses.Draft;
        if (state.Stage != draftStage)
        {
            return new Refused($"Only a draft can be sent; this one is {state.Stage}.").ToResult();
        }

        var profile = await Profiles.ReadAsync(write!, tenant.Account).ConfigureAwait(false);
        var why = Profiles.MissingForSending(profile) ?? InvoiceRules.WhyNotSendable(state, state.Compute());
        if (why is not null)
        {
            return new Refused(why).ToResult();
        }

        // An invoice enters the change feed the first time it is sent; quotes never do.
        var sent = kind == InvoiceKinds.Quote
            ? state with { Stage = InvoiceStatuses.QuoteSent }
            : state with { Stage = InvoiceStatuses.Sent, InFeed = true };
        await InvoiceStore.SaveAsync(write!, sent, paid).ConfigureAwait(false);
        await write!.CommitAsync(cancel).ConfigureAwait(false);
        return Results.Json(InvoiceViews.ToResponse(sent, paid, Profiles.Today(profile, clock)), Json.Options);
    }

    public static async Task<IResult> VoidAsync(Tenant tenant, string id, Database db, CancellationToken cancel)
    {
        await using var write = await db.BeginAccountWriteAsync(tenant.Account, cancel).ConfigureAwait(false);
        var current = await LoadAsync(write, InvoiceKinds.Invoice, id).ConfigureAwait(false);
        if (current.Error is not null)
        {
            return current.Error.ToResult();
        }

        var (state, paid, _) = current.Value!;
        if (!state.IsSentFamily)
        {
            return new Refused(state.Stage == InvoiceStatuses.Draft
                ? "A draft is not voided; delete it instead."
                : "This invoice is void already.").ToResult();
        }

        if (paid > 0)
        {
            return new Refused("Payments are applied to this invoice; delete them before voiding it.").ToResult();
        }

        var voided = state with { Stage = InvoiceStatuses.Void };
        await InvoiceStore.SaveAsync(write!, voided, paid).ConfigureAwait(false);
        await write!.CommitAsync(cancel).ConfigureAwait(false);
        return Results.Json(InvoiceViews.ToResponse(voided, paid, voided.Date), Json.Options);
    }

    public static async Task<IResult> DeleteAsync(Tenant tenant, string kind, string id, Database db, CancellationToken cancel)
    {
        await using var write = await db.BeginAccountWriteAsync(tenant.Account, cancel).ConfigureAwait(false);
        var current = await LoadAsync(write, kind, id).ConfigureAwait(false);
        if (current.Error is not null)
        {
            return current.Error.ToResult();
        }

        var (state, paid, _) = current.Value!;
        if (paid > 0)
        {
            return new Refused("Payments are applied to this invoice; delete them before deleting it.").ToResult();
        }

        // A soft delete: the row stays, and an invoice the feed has shown becomes a tombstone there.
        await InvoiceStore.SaveAsync(write!, state, paid, deleted: true).ConfigureAwait(false);
        await write!.CommitAsync(cancel).ConfigureAwait(false);
        return Results.NoContent();
    }

    public static async Task<IResult> VersionsAsync(Tenant tenant, string id, Database db, TimeProvider clock, CancellationToken cancel)
    {
        if (!WireId.TryParse(id, out var value))
        {
            return InvoiceEndpoints.NotFoundFor(InvoiceKinds.Invoice).ToResult();
        }

        await using var session = await db.BeginSnapshotAsync(cancel).ConfigureAwait(false);
        var invoice = await InvoiceStore.GetAsync(session, tenant.Account, InvoiceKinds.Invoice, new InvoiceId(value)).ConfigureAwait(false);
        if (invoice is null)
        {
            return InvoiceEndpoints.NotFoundFor(InvoiceKinds.Invoice).ToResult();
        }

        var today = Profiles.Today(await Profiles.ReadAsync(session, tenant.Account).ConfigureAwait(false), clock);
        var versions = await InvoiceStore.VersionsAsync(session, tenant.Account, new InvoiceId(value)).ConfigureAwait(false);
        return Results.Json(new InvoiceVersions(versions.Select(v => InvoiceViews.ToResponse(v, 0, today)).ToArray()), Json.Options);
    }

    public static async Task<IResult> ConvertAsync(Tenant tenant, string id, Database db, TimeProvider clock, CancellationToken cancel)
    {
        await using var write = await db.BeginAccountWriteAsync(tenant.Account, cancel).ConfigureAwait(false);
        var current = await LoadAsync(write, InvoiceKinds.Quote, id).ConfigureAwait(false);
        if (current.Error is not null)
        {
            return current.Error.ToResult();
        }

        var quote = current.Value!.State;
        if (quote.ConvertedToInvoiceId is not null)
        {
            // The user knows the invoice by its number; the id is internal.
            var made = await InvoiceStore.GetAsync(write!, write!.Account, InvoiceKinds.Invoice, new InvoiceId(quote.ConvertedToInvoiceId.Value)).ConfigureAwait(false);
            return new Refused(made is null
                ? "This quote was converted already (into an invoice deleted since)."
                : $"This quote was converted already (invoice {made.State.Number}).").ToResult();
        }

        var request = new InvoiceRequest(
            quote.CustomerId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, null, quote.Reference, quote.Description,
            quote.Currency, quote.Discount, null, quote.ContactEmail, quote.Lines);
        var created = await CreateAsync(write!, InvoiceKinds.Invoice, request, clock).ConfigureAwait(false);
        if (created.Error is not null)
        {
            return created.Error.ToResult();
        }

        var converted = quote with { ConvertedToInvoiceId = long.Parse(created.Value!.Id, System.Globalization.CultureInfo.InvariantCulture) };
        await InvoiceStore.SaveAsync(write!, converted, 0).ConfigureAwait(false);
        await write!.CommitAsync(cancel).ConfigureAwait(false);
        return Results.Json(created.Value, Json.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<Result<StoredInvoice>> LoadAsync(AccountWrite? write, string kind, string id)
    {
        if (write is null || !WireId.TryParse(id, out var value))
        {
            return InvoiceEndpoints.NotFoundFor(kind);
        }

        var invoice = await InvoiceStore.GetAsync(write, write.Account, kind, new InvoiceId(value)).ConfigureAwait(false);
        return invoice is null ? InvoiceEndpoints.NotFoundFor(kind) : invoice;
    }

    private static async Task<Result<CustomerResponse>> FindCustomerAsync(AccountWrite write, string? customerId)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(customerId))
        {
            errors.Add("customerId", "an invoice needs a customer; pass the id of one (GET /api/v1/customers)");
            return errors.ToError();
        }

        var customer = WireId.TryParse(customerId, out var value)
            ? await CustomerStore.GetAsync(write, write.Account, new CustomerId(value)).ConfigureAwait(false)
            : null;
        if (customer is null)
        {
            errors.Add("customerId", $"there is no customer '{customerId}' in these books");
            return errors.ToError();
        }

        return customer;
    }

    private static Conflict NumberTaken(string number) =>
        new($"Number '{number}' is taken (numbers are never reused); leave the number empty for the next free one.", "number");
}
