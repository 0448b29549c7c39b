using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Customers;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;

namespace BillingBooks.Billing.Invoices;

/// <summary>/api/v1/invoices and /api/v1/quotes: the same documents with their own numbers and stages.</summary>
public static class InvoiceEndpoints
{
    public static void MapInvoices(this RouteGroupBuilder books)
    {
        ArgumentNullException.ThrowIfNull(books);
        var invoices = MapCommon(books, "/invoices", InvoiceKinds.Invoice, "Invoices");
        invoices.MapPost("/{id}/void", (Tenant tenant, string id, Database db, HttpContext http) =>
            InvoiceCommands.VoidAsync(tenant, id, db, http.RequestAborted)).Produces<InvoiceResponse>();
        invoices.MapGet("/{id}/versions", (Tenant tenant, string id, Database db, TimeProvider clock, HttpContext http) =>
            InvoiceCommands.VersionsAsync(tenant, id, db, clock, http.RequestAborted)).Produces<InvoiceVersions>();

        var quotes = MapCommon(books, "/quotes", InvoiceKinds.Quote, "Quotes");
        quotes.MapPost("/{id}/convert", (Tenant tenant, string id, Database db, TimeProvider clock, HttpContext http) =>
            InvoiceCommands.ConvertAsync(tenant, id, db, clock, http.RequestAborted)).Produces<InvoiceResponse>(StatusCodes.Status201Created);
    }

    private static RouteGroupBuilder MapCommon(RouteGroupBuilder books, string path, string kind, string tag)
    {
        var group = books.MapGroup(path).WithTags(tag);
        group.MapGet("", (Tenant tenant, string? status, string? customerId, bool? pastDue, DateOnly? from, DateOnly? to, string? number, int? offset, int? limit, Database db, TimeProvider clock, HttpContext http) =>
            InvoiceQueries.ListAsync(tenant, kind, new InvoiceQueries.ListQuery(status, customerId, pastDue, from, to, number), Paging.Of(offset, limit), db, clock, http.RequestAborted))
            .Produces<InvoiceList>();
        group.MapGet("/{id}", (Tenant tenant, string id, Database db, TimeProvider clock, HttpContext http) =>
            InvoiceQueries.GetAsync(tenant, kind, id, db, clock, http.RequestAborted)).Produces<InvoiceResponse>();
        group.MapPost("", (Tenant tenant, Database db, TimeProvider clock, HttpRequest request) =>
            InvoiceCommands.CreateAsync(tenant, kind, db, clock, request))
            .Accepts<InvoiceRequest>("application/json").Produces<InvoiceResponse>(StatusCodes.Status201Created);
        group.MapPut("/{id}", (Tenant tenant, string id, Database db, TimeProvider clock, HttpRequest request) =>
            InvoiceCommands.UpdateAsync(tenant, kind, id, db, clock, request))
            .Accepts<InvoiceRequest>("application/json").Produces<InvoiceResponse>();
        group.MapDelete("/{id}", (Tenant tenant, string id, Database db, HttpContext http) =>
            InvoiceCommands.DeleteAsync(tenant, kind, id, db, http.RequestAborted)).Produces(StatusCodes.Status204NoContent);
        group.MapPost("/{id}/mark-sent", (Tenant tenant, string id, Database db, TimeProvider clock, HttpContext http) =>
            InvoiceCommands.MarkSentAsync(tenant, kind, id, db, clock, http.RequestAborted)).Produces<InvoiceResponse>();
        return group;
    }

    internal static NotFound NotFoundFor(string kind) => new(kind == InvoiceKinds.Quote ? "quote" : "invoice");
}

internal static class InvoiceQueries
{
    internal sealed record ListQuery(string? Status, string? CustomerId, bool? PastDue, DateOnly? From, DateOnly? To, string? Number);

    private static readonly string[] InvoiceStages =
        [InvoiceStatuses.Draft, InvoiceStatuses.Sent, InvoiceStatuses.Changed, InvoiceStatuses.PartlyPaid, InvoiceStatuses.Paid, InvoiceStatuses.Void];

    private static readonly string[] QuoteStages = [InvoiceStatuses.QuoteDraft, InvoiceStatuses.QuoteSent];

    /// <summary>A status filter names one the kind can have: a typo would otherwise list nothing, as if there were none.</summary>
    public static InvalidInput? CheckStatus(string kind, string? status)
    {
        var stages = kind == InvoiceKinds.Quote ? QuoteStages : InvoiceStages;
        return status is null || stages.Contains(status, StringComparer.OrdinalIgnoreCase)
            ? null
            : new InvalidInput(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["status"] = [$"'{status}' is not a status of {(kind == InvoiceKinds.Quote ? "quotes" : "invoices")}; use one of {string.Join(", ", stages)}"],
            });
    }

    public static async Task<IResult> ListAsync(Tenant tenant, string kind, ListQuery query, Paging page, Database db, TimeProvider clock, CancellationToken cancel)
    {
        if (CheckStatus(kind, query.Status) is { } badStatus)
        {
            return badStatus.ToResult();
        }

        long? customer = null;
        if (query.CustomerId is not null)
        {
            customer = WireId.TryParse(query.CustomerId, out var c) ? c : -1;
        }

        await using var session = await db.BeginSnapshotAsync(cancel).ConfigureAwait(false);
        var today = Profiles.Today(await Profiles.ReadAsync(session, tenant.Account).ConfigureAwait(false), clock);
        var filter = new InvoiceFilter(query.Status?.ToLowerInvariant(), customer, query.PastDue == true ? today : null, query.From, query.To, query.Number);
        var (items, total) = await InvoiceStore.ListAsync(session, tenant.Account, kind, filter, page.Offset, page.Limit).ConfigureAwait(false);
        return Results.Json(
            new InvoiceList(items.Select(i => InvoiceViews.ToResponse(i.State, i.Paid, today)).ToArray(), page.Offset, page.Limit, total),
            Json.Options);
    }

    public static async Task<IResult> GetAsync(Tenant tenant, string kind, string id, Database db, TimeProvider clock, CancellationToken cancel)
    {
        if (!WireId.TryParse(id, out var value))
        {
            return InvoiceEndpoints.NotFoundFor(kind).ToResult();
        }

        await using var session = await db.BeginSnapshotAsync(cancel).ConfigureAwait(false);
        var invoice = await InvoiceStore.GetAsync(session, tenant.Account, kind, new InvoiceId(value)).ConfigureAwait(false);
        if (invoice is null)
        {
            return InvoiceEndpoints.NotFoundFor(kind).ToResult();
        }

        var today = Profiles.Today(await Profiles.ReadAsync(session, tenant.Account).ConfigureAwait(false), clock);
        return Results.Json(InvoiceViews.ToResponse(invoice.State, invoice.Paid, today), Json.Options);
    }
}
