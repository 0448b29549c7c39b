using System.Globalization;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;

namespace BillingBooks.Billing.Recurring;

public static class RecurringEndpoints
{
    public const int MaxRecipients = 20;

    public static void MapRecurring(this RouteGroupBuilder books)
    {
        ArgumentNullException.ThrowIfNull(books);
        var group = books.MapGroup("/recurring").WithTags("Recurring");
        group.MapGet("", ListAsync).Produces<RecurringList>();
        group.MapGet("/{id}", GetAsync).Produces<RecurringResponse>();
        group.MapPost("", (Tenant tenant, Database db, TimeProvider clock, HttpRequest request) => WriteAsync(tenant, null, db, clock, request))
            .Accepts<RecurringRequest>("application/json").Produces<RecurringResponse>(StatusCodes.Status201Created);
        group.MapPut("/{id}", (Tenant tenant, string id, Database db, TimeProvider clock, HttpRequest request) =>
                WireId.TryParse(id, out var value) ? WriteAsync(tenant, new RecurringId(value), db, clock, request) : Task.FromResult(new NotFound("recurring invoice").ToResult()))
            .Accepts<RecurringRequest>("application/json").Produces<RecurringResponse>();
        group.MapDelete("/{id}", DeleteAsync).Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> ListAsync(Tenant tenant, Database db, HttpContext http)
    {
        await using var session = await db.BeginSnapshotAsync(http.RequestAborted).ConfigureAwait(false);
        var items = await RecurringStore.ListAsync(session, tenant.Account).ConfigureAwait(false);
        return Results.Json(new RecurringList(items.Select(r => r.ToResponse()).ToArray()), Json.Options);
    }

    private static async Task<IResult> GetAsync(Tenant tenant, string id, Database db, HttpContext http)
    {
        if (!WireId.TryParse(id, out var value))
        {
            return new NotFound("recurring invoice").ToResult();
        }

        await using var session = await db.BeginSnapshotAsync(http.RequestAborted).ConfigureAwait(false);
        var state = await RecurringStore.GetAsync(session, tenant.Account, new RecurringId(value)).ConfigureAwait(false);
        return state is null ? new NotFound("recurring invoice").ToResult() : Results.Json(state.ToResponse(), Json.Options);
    }

    private static async Task<IResult> WriteAsync(Tenant tenant, RecurringId? id, Database db, TimeProvider clock, HttpRequest request)
    {
        var body = await JsonBody.ReadAsync<RecurringRequest>(request).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        await using var write = await db.BeginAccountWriteAsync(tenant.Account, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (write is null)
        {
            return new NotFound("account").ToResult();
        }

        RecurringState? existing = null;
        if (id is { } recurringId)
        {
            existing = await RecurringStore.GetAsync(write, tenant.Account, recurringId).ConfigureAwait(false);
            if (existing is null)
            {
                return new NotFound("recurring invoice").ToResult();
            }
        }

        var input = body.Value!;
        var errors = new FieldErrors();
        var frequency = input.Frequency?.Trim().ToLowerInvariant();
        if (frequency is not (Frequencies.Weekly or Frequencies.Monthly or Frequencies.Yearly))
        {
            errors.Add("frequency", $"'{input.Frequency}' is not a frequency; use weekly, monthly or yearly");
        }

        var template = input.Template ?? new InvoiceRequest(null, null, null, null, null, null, null, null, null, null, null);
        var today = Profiles.Today(await Profiles.ReadAsync(write, tenant.Account).ConfigureAwait(false), clock);
        var start = input.StartDate ?? template.Date ?? today;
        if (input.StopDate is { } stop && stop < start)
        {
            errors.Add("stopDate", "the stop date is before the start date");
        }

        // The generator catches up missed dates (the service was down at 03:00), so a schedule starting in the past
        // would make - and mail to the customer - one back-dated invoice per past date at once.
        if (start < today && existing?.StartDate != start)
        {
            errors.Add("startDate", string.Create(CultureInfo.InvariantCulture,
                $"{start:yyyy-MM-dd} is before today ({today:yyyy-MM-dd}): every invoice from then to today would be made{(input.Recipients is { Count: > 0 } ? " and mailed" : "")} at once; start today or later (make past invoices one by one)"));
        }

        var recipients = input.Recipients ?? [];
        if (recipients.Count > MaxRecipients)
        {
            errors.Add("recipients", $"at most {MaxRecipients} recipients");
        }

        for (var i = 0; i < recipients.Count; i++)
        {
            // The generator mails these at 03:00: only what the mail library reads as one address passes.
            if (!Email.MailAddresses.IsOne(recipients[i]))
            {
                errors.Add($"recipients[{i}]", $"'{recipients[i]}' is not an email address like name@example.com");
            }
        }

        if (template.Number is not null)
        {
            errors.Add("template.number", "each generated invoice takes the next number; leave the number empty");
        }

        var valid = await InvoiceCommands.ValidateNewAsync(write, InvoiceKinds.Invoice, template with { Date = template.Date ?? start, DueDate = template.DueDate ?? template.Date ?? start }, clock).ConfigureAwait(false);
        if (valid.Error is InvalidInput invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var message in messages)
                {
                    errors.Add($"template.{field}", message);
                }
            }
        }
        else if (valid.Error is not null)
        {
            return valid.Error.ToResult();
        }
        else if (recipients.Count > 0 && WhyNotMailable(valid.Value.State) is { } unmailable)
        {
            errors.Add("recipients", unmailable);
        }

        if (!errors.IsEmpty)
        {
            return errors.ToError().ToResult();
        }

        // A stopped schedule stays stopped (its template no longer makes an invoice); see RecurringEdit for the rest.
        var state = new RecurringState(
            existing?.Id ?? 0, template with { Date = template.Date ?? start, DueDate = template.DueDate ?? template.Date ?? start }, frequency!, start, input.StopDate,
            recipients.Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), existing?.StartDate == start ? existing.Generated : 0, existing?.InvoiceIds ?? [], existing?.StoppedBecause);
        if (existing is not null && RecurringEdit.Problems(existing, state, today) is { Count: > 0 } problems)
        {
            foreach (var (field, message) in problems)
            {
                errors.Add(field, message);
            }

            return errors.ToError().ToResult();
        }
        if (existing is null)
        {
            state = await RecurringStore.InsertAsync(write, state).ConfigureAwait(false);
        }
        else
        {
            await RecurringStore.SaveAsync(write, state).ConfigureAwait(false);
        }

        await write.CommitAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        return Results.Json(state.ToResponse(), Json.Options, statusCode: existing is null ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>
    /// Why each invoice the template makes could never be mailed (SPEC 1.4: sent only with at least one line and a total
    /// above zero), else null. Only a schedule with recipients is held to it: one without makes drafts, which may be
    /// completed by hand each time (a line at quantity 0 for the month's hours, say), as any draft may.
    /// </summary>
    private static string? WhyNotMailable(InvoiceState template)
    {
        if (template.Lines.Count == 0)
        {
            return "each invoice would be emailed, but the template has no line and an invoice is sent only with at least one line; give it a line, or leave the addresses empty to make drafts to complete by hand";
        }

        return template.Compute().Total.IsPositive
            ? null
            : "each invoice would be emailed, but the template's total is not above zero and an invoice is sent only with a total above zero; give a line a quantity and price, or leave the addresses empty to make drafts to complete by hand";
    }

    private static async Task<IResult> DeleteAsync(Tenant tenant, string id, Database db, HttpContext http)
    {
        if (!WireId.TryParse(id, out var value))
        {
            return new NotFound("recurring invoice").ToResult();
        }

        await using var write = await db.BeginAccountWriteAsync(tenant.Account, http.RequestAborted).ConfigureAwait(false);
        var state = write is null ? null : await RecurringStore.GetAsync(write, tenant.Account, new RecurringId(value)).ConfigureAwait(false);
        if (write is null || state is null)
        {
            return new NotFound("recurring invoice").ToResult();
        }

        await RecurringStore.SaveAsync(write, state, deleted: true).ConfigureAwait(false);
        await write.CommitAsync(http.RequestAborted).ConfigureAwait(false);
        return Results.NoContent();
    }
}
