using System.Globalization;
using System.Text.Json;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Payments;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;

namespace BillingBooks.Billing.Reports;

/// <summary>SPEC 1.7: the Invoice Report and the Payment Report (also for bookkeepers, read-only).</summary>
public static class ReportEndpoints
{
    public const int MaxRows = 10_000;

    public static void MapReports(this RouteGroupBuilder books)
    {
        ArgumentNullException.ThrowIfNull(books);
        var group = books.MapGroup("/reports").WithTags("Reports");
        group.MapGet("/invoices", InvoicesAsync).Produces<InvoiceReport>();
        group.MapGet("/payments", PaymentsAsync).Produces<PaymentReport>();
    }

    private static async Task<IResult> InvoicesAsync(
        Tenant tenant, string? status, string? customerId, bool? pastDue, DateOnly? from, DateOnly? to, Database db, TimeProvider clock, HttpContext http)
    {
        if (InvoiceQueries.CheckStatus(InvoiceKinds.Invoice, status) is { } badStatus)
        {
            return badStatus.ToResult();
        }

        long? customer = customerId is null ? null : WireId.TryParse(customerId, out var c) ? c : -1;
        await using var session = await db.BeginSnapshotAsync(http.RequestAborted).ConfigureAwait(false);
        var today = Profiles.Today(await Profiles.ReadAsync(session, tenant.Account).ConfigureAwait(false), clock);
        var filter = new InvoiceFilter(status?.ToLowerInvariant(), customer, pastDue == true ? today : null, from, to, null);
        var (items, _) = await InvoiceStore.ListAsync(session, tenant.Account, InvoiceKinds.Invoice, filter, 0, MaxRows).ConfigureAwait(false);
        var names = (await session.QueryAsync<(long Id, string Name)>(
            "SELECT id, name FROM customers WHERE account_id = @account", new { account = tenant.Account.Value }).ConfigureAwait(false))
            .ToDictionary(r => r.Id, r => r.Name);
        var rows = items.Select(i =>
        {
            var d = InvoiceViews.ToDocument(i.State, i.Paid);
            return new InvoiceReportRow(
                d.Id, d.Number, d.CustomerId, names.GetValueOrDefault(i.State.CustomerId, ""), d.Date, d.Reference, d.Currency,
                d.Subtotal, d.Taxes, d.Discount, d.Total, d.Paid, d.Owing, d.Status);
        }).ToArray();
        return Results.Json(new InvoiceReport(rows), Json.Options);
    }

    private static async Task<IResult> PaymentsAsync(Tenant tenant, string? customerId, Database db, HttpContext http)
    {
        long? customer = customerId is null ? null : WireId.TryParse(customerId, out var c) ? c : -1;
        await using var session = await db.BeginSnapshotAsync(http.RequestAborted).ConfigureAwait(false);
        var (items, _) = await PaymentStore.ListAsync(session, tenant.Account, customer, 0, MaxRows).ConfigureAwait(false);
        return Results.Json(new PaymentReport(items), Json.Options);
    }
}
