using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Recurring;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;

namespace BillingBooks.Billing.Customers;

public static class CustomerEndpoints
{
    public static void MapCustomers(this RouteGroupBuilder books)
    {
        ArgumentNullException.ThrowIfNull(books);
        var group = books.MapGroup("/customers").WithTags("Customers");
        group.MapGet("", ListAsync).Produces<CustomerList>();
        group.MapGet("/{id}", GetAsync).Produces<CustomerResponse>();
        group.MapPost("", CreateAsync).Accepts<CustomerRequest>("application/json").Produces<CustomerResponse>(StatusCodes.Status201Created);
        group.MapPut("/{id}", UpdateAsync).Accepts<CustomerRequest>("application/json").Produces<CustomerResponse>();
        group.MapDelete("/{id}", DeleteAsync).Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> ListAsync(Tenant tenant, string? search, int? offset, int? limit, Database db, HttpContext http)
    {
        var page = Paging.Of(offset, limit);
        await using var session = await db.BeginSnapshotAsync(http.RequestAborted).ConfigureAwait(false);
        var (items, total) = await CustomerStore.ListAsync(session, tenant.Account, search, page.Offset, page.Limit).ConfigureAwait(false);
        return Results.Json(new CustomerList(items, page.Offset, page.Limit, total), Json.Options);
    }

    private static async Task<IResult> GetAsync(Tenant tenant, string id, Database db, HttpContext http)
    {
        if (!WireId.TryParse(id, out var value))
        {
            return new NotFound("customer").ToResult();
        }

        await using var session = await db.BeginSnapshotAsync(http.RequestAborted).ConfigureAwait(false);
        var customer = await CustomerStore.GetAsync(session, tenant.Account, new CustomerId(value)).ConfigureAwait(false);
        return customer is null ? new NotFound("customer").ToResult() : Results.Json(customer, Json.Options);
    }

    private static async Task<IResult> CreateAsync(Tenant tenant, Database db, HttpRequest request)
    {
        var body = await JsonBody.ReadAsync<CustomerRequest>(request).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        await using var write = await db.BeginAccountWriteAsync(tenant.Account, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (write is null)
        {
            return new NotFound("account").ToResult();
        }

        var profile = await Profiles.ReadAsync(write, tenant.Account).ConfigureAwait(false);
        var valid = CustomerRules.Validate(body.Value!, profile.Currency ?? "CAD");
        if (valid.Error is not null)
        {
            return valid.Error.ToResult();
        }

        if (await CustomerStore.NameTakenAsync(write, tenant.Account, valid.Value!.Name!, null).ConfigureAwait(false))
        {
            return NameTaken(valid.Value.Name!).ToResult();
        }

        var customer = await CustomerStore.InsertAsync(write, valid.Value).ConfigureAwait(false);
        await write.CommitAsync().ConfigureAwait(false);
        return Results.Json(customer, Json.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(Tenant tenant, string id, Database db, HttpRequest request)
    {
        var body = await JsonBody.ReadAsync<CustomerRequest>(request).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        if (!WireId.TryParse(id, out var value))
        {
            return new NotFound("customer").ToResult();
        }

        await using var write = await db.BeginAccountWriteAsync(tenant.Account, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (write is null)
        {
            return new NotFound("account").ToResult();
        }

        var customerId = new CustomerId(value);
        var current = await CustomerStore.GetAsync(write, tenant.Account, customerId).ConfigureAwait(false);
        if (current is null)
        {
            return new NotFound("customer").ToResult();
        }

        var valid = CustomerRules.Validate(body.Value!, current.Currency);
        if (valid.Error is not null)
        {
            return valid.Error.ToResult();
        }

        if (await CustomerStore.NameTakenAsync(write, tenant.Account, valid.Value!.Name!, customerId).ConfigureAwait(false))
        {
            return NameTaken(valid.Value.Name!).ToResult();
        }

        var customer = await CustomerStore.UpdateAsync(write, current, valid.Value).ConfigureAwait(false);
        await write.CommitAsync().ConfigureAwait(false);
        return Results.Json(customer, Json.Options);
    }

    /// <summary>
    /// Deletes the customer and ends its recurring schedules at once, saying why: each would otherwise stop at its next
    /// date with the invoice's field errors (or, never reached, look alive on the recurring page).
    /// </summary>
    private static async Task<IResult> DeleteAsync(Tenant tenant, string id, Database db, TimeProvider clock, HttpContext http)
    {
        if (!WireId.TryParse(id, out var value))
        {
            return new NotFound("customer").ToResult();
        }

        await using var write = await db.BeginAccountWriteAsync(tenant.Account, http.RequestAborted).ConfigureAwait(false);
        var current = write is null ? null : await CustomerStore.GetAsync(write, tenant.Account, new CustomerId(value)).ConfigureAwait(false);
        if (write is null || current is null)
        {
            return new NotFound("customer").ToResult();
        }

        await CustomerStore.DeleteAsync(write, current).ConfigureAwait(false);
        var today = Profiles.Today(await Profiles.ReadAsync(write, tenant.Account).ConfigureAwait(false), clock);
        await RecurringStore.EndForCustomerAsync(write, current.Id, string.Create(
            System.Globalization.CultureInfo.InvariantCulture, $"the customer {current.Name} was deleted on {today:yyyy-MM-dd}")).ConfigureAwait(false);
        await write.CommitAsync().ConfigureAwait(false);
        return Results.NoContent();
    }

    private static Conflict NameTaken(string name) =>
        new($"A customer named '{name}' exists already (names are unique, ignoring case); choose another name or edit that customer.", "name");
}
