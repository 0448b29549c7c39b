using System.Globalization;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Customers;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;
using BillingBooks.Money;

namespace BillingBooks.Billing.Payments;

public static class PaymentEndpoints
{
    public static void MapPayments(this RouteGroupBuilder books)
    {
        ArgumentNullException.ThrowIfNull(books);
        var group = books.MapGroup("/payments").WithTags("Payments");
        group.MapGet("", ListAsync).Produces<PaymentList>();
        group.MapGet("/{id}", GetAsync).Produces<PaymentDocument>();
        group.MapPost("", CreateAsync).Accepts<PaymentRequest>("application/json").Produces<PaymentDocument>(StatusCodes.Status201Created);
        group.MapPut("/{id}", UpdateAsync).Accepts<PaymentRequest>("application/json").Produces<PaymentDocument>();
        group.MapDelete("/{id}", DeleteAsync).Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> ListAsync(Tenant tenant, string? customerId, int? offset, int? limit, Database db, HttpContext http)
    {
        var page = Paging.Of(offset, limit);
        long? customer = customerId is null ? null : WireId.TryParse(customerId, out var c) ? c : -1;
        await using var session = await db.BeginSnapshotAsync(http.RequestAborted).ConfigureAwait(false);
        var (items, total) = await PaymentStore.ListAsync(session, tenant.Account, customer, page.Offset, page.Limit).ConfigureAwait(false);
        return Results.Json(new PaymentList(items, page.Offset, page.Limit, total), Json.Options);
    }

    private static async Task<IResult> GetAsync(Tenant tenant, string id, Database db, HttpContext http)
    {
        if (!WireId.TryParse(id, out var value))
        {
            return new NotFound("payment").ToResult();
        }

        await using var session = await db.BeginSnapshotAsync(http.RequestAborted).ConfigureAwait(false);
        var payment = await PaymentStore.GetAsync(session, tenant.Account, new PaymentId(value)).ConfigureAwait(false);
        return payment is null ? new NotFound("payment").ToResult() : Results.Json(payment.Value.Document, Json.Options);
    }

    private static async Task<IResult> CreateAsync(Tenant tenant, Database db, TimeProvider clock, HttpRequest request) =>
        await WriteAsync(tenant, null, db, clock, request).ConfigureAwait(false);

    private static async Task<IResult> UpdateAsync(Tenant tenant, string id, Database db, TimeProvider clock, HttpRequest request) =>
        WireId.TryParse(id, out var value)
            ? await WriteAsync(tenant, new PaymentId(value), db, clock, request).ConfigureAwait(false)
            : new NotFound("payment").ToResult();

    /// <summary>Create (id null) or replace a payment; an edit first takes the old applications off their invoices.</summary>
    private static async Task<IResult> WriteAsync(Tenant tenant, PaymentId? id, Database db, TimeProvider clock, HttpRequest request)
    {
        var body = await JsonBody.ReadAsync<PaymentRequest>(request).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        await using var write = await db.BeginAccountWriteAsync(tenant.Account, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (write is null)
        {
            return new NotFound("account").ToResult();
        }

        var version = 1;
        if (id is { } existingId)
        {
            var existing = await PaymentStore.GetAsync(write, tenant.Account, existingId).ConfigureAwait(false);
            if (existing is null)
            {
                return new NotFound("payment").ToResult();
            }

            await PaymentStore.UnapplyAsync(write, existing.Value.Document).ConfigureAwait(false);
            version = existing.Value.Version + 1;
        }

        var input = body.Value!;
        var customer = WireId.TryParse(input.CustomerId, out var customerValue)
            ? await CustomerStore.GetAsync(write, tenant.Account, new CustomerId(customerValue)).ConfigureAwait(false)
            : null;
        if (customer is null)
        {
            var errors = new FieldErrors();
            errors.Add("customerId", $"there is no customer '{input.CustomerId}' in these books; pass the id of the customer who paid");
            return errors.ToError().ToResult();
        }

        var today = Profiles.Today(await Profiles.ReadAsync(write, tenant.Account).ConfigureAwait(false), clock);
        var valid = PaymentRules.Validate(input, customerValue, customer.Currency, today);
        if (valid.Error is not null)
        {
            return valid.Error.ToResult();
        }

        var applyError = await PaymentStore.ApplyAsync(write, valid.Value!).ConfigureAwait(false);
        if (applyError is not null)
        {
            return applyError.ToResult();
        }

        var paymentId = id?.Value ?? await PaymentStore.InsertAsync(write, valid.Value!).ConfigureAwait(false);
        await PaymentStore.SaveAsync(write, paymentId, valid.Value!, version, deleted: false).ConfigureAwait(false);
        await write.CommitAsync().ConfigureAwait(false);
        var document = valid.Value!.Document with { Id = paymentId.ToString(CultureInfo.InvariantCulture) };
        return Results.Json(document, Json.Options, statusCode: id is null ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> DeleteAsync(Tenant tenant, string id, Database db, HttpContext http)
    {
        if (!WireId.TryParse(id, out var value))
        {
            return new NotFound("payment").ToResult();
        }

        await using var write = await db.BeginAccountWriteAsync(tenant.Account, http.RequestAborted).ConfigureAwait(false);
        var existing = write is null ? null : await PaymentStore.GetAsync(write, tenant.Account, new PaymentId(value)).ConfigureAwait(false);
        if (write is null || existing is null)
        {
            return new NotFound("payment").ToResult();
        }

        // A soft delete: the invoices owe again and the feed gets a tombstone.
        var document = existing.Value.Document;
        await PaymentStore.UnapplyAsync(write, document).ConfigureAwait(false);
        var currency = Currency.Get(document.Currency);
        var asValid = new PaymentRules.ValidPayment(
            document,
            long.Parse(document.CustomerId, CultureInfo.InvariantCulture),
            currency,
            Money.Money.Parse(document.Amount, currency).MinorUnits,
            []);
        await PaymentStore.SaveAsync(write, value, asValid, existing.Value.Version + 1, deleted: true).ConfigureAwait(false);
        await write.CommitAsync().ConfigureAwait(false);
        return Results.NoContent();
    }
}
