using System.Globalization;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Customers;
using BillingBooks.Billing.Email;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Pdf;
using BillingBooks.Billing.Storage;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.View;

/// <summary>
/// The customer's view from the email's secret link, without signing in. An unknown token or a draft is a plain 404,
/// so a link reveals nothing before the invoice is sent. A link to an invoice that was voided or deleted (or a quote
/// that was deleted) is a 404 too, but with a short page saying so and whom to ask: the customer was sent it, so
/// who sent it is no secret to them, and an empty page reads as a broken link.
/// </summary>
public sealed class InvoiceModel(Database db, TimeProvider clock) : BooksPage
{
    [FromRoute]
    public string Token { get; set; } = "";

    public InvoiceResponse? Invoice { get; private set; }

    public string Company { get; private set; } = "";

    public bool HasLogo { get; private set; }

    public string CustomerName { get; private set; } = "";

    public IReadOnlyList<string> CustomerAddress { get; private set; } = [];

    /// <summary>The day (in the company's time zone) a sent invoice was last edited without being sent again; else null.</summary>
    public DateOnly? ChangedOn { get; private set; }

    /// <summary>Set when the link's invoice or quote is gone: the page then says only this.</summary>
    public string? GoneMessage { get; private set; }

    public bool IsQuote => Invoice?.Kind == InvoiceKinds.Quote;

    private sealed record Found(AccountId Account, StoredInvoice? Stored, string Kind);

    public async Task<IActionResult> OnGetAsync()
    {
        await using var session = await db.BeginSnapshotAsync(HttpContext.RequestAborted);
        var found = await FindAsync(session);
        if (found is null)
        {
            return NotFound();
        }

        var profile = await Profiles.ReadAsync(session, found.Account);
        Company = profile.CompanyName ?? profile.ContactName ?? "";
        if (found.Stored is not { } stored)
        {
            return await GoneAsync(session, found);
        }

        Invoice = InvoiceViews.ToResponse(stored.State, stored.Paid, Profiles.Today(profile, clock));
        HasLogo = await Logos.ReadAsync(session, found.Account) is not null;
        await ReadCustomerAsync(session, found.Account, Invoice.CustomerId);
        if (stored.State.Stage == InvoiceStatuses.Changed)
        {
            ChangedOn = await ChangedOnAsync(session, found.Account, stored.State.Id, profile);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync()
    {
        await using var session = await db.BeginSnapshotAsync(HttpContext.RequestAborted);
        var found = await FindAsync(session);
        if (found is null)
        {
            return NotFound();
        }

        if (found.Stored is null)
        {
            var profile = await Profiles.ReadAsync(session, found.Account);
            Company = profile.CompanyName ?? profile.ContactName ?? "";
            return await GoneAsync(session, found);
        }

        var rendered = await InvoiceDeliveryEndpoints.RenderAsync(session, found.Account, found.Kind, found.Stored.State.Id, clock);
        return rendered is null ? NotFound() : File(rendered.Value.Pdf, "application/pdf", InvoiceDeliveryEndpoints.FileName(rendered.Value.Invoice));
    }

    public async Task<IActionResult> OnGetLogoAsync()
    {
        await using var session = await db.BeginSnapshotAsync(HttpContext.RequestAborted);
        var found = await FindAsync(session);
        var logo = found?.Stored is null ? null : await Logos.ReadAsync(session, found.Account);
        return logo is null ? NotFound() : File(logo.Image, logo.ContentType);
    }

    private async Task<IActionResult> GoneAsync(Session session, Found found)
    {
        // Replies to the invoice's mail go to the account's email (the sender): the same address here.
        var email = await session.QuerySingleOrDefaultAsync<string>("SELECT email FROM accounts WHERE id = @account", new { account = found.Account.Value });
        var what = found.Kind == InvoiceKinds.Quote ? "quote" : "invoice";
        GoneMessage = $"This {what} is no longer available: {Company} cancelled it. Please contact them at {email}.";
        var page = Page();
        page.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }

    private async Task ReadCustomerAsync(Session session, AccountId account, string customerId)
    {
        var id = long.Parse(customerId, CultureInfo.InvariantCulture);
        if (await CustomerStore.GetAsync(session, account, new CustomerId(id)) is { } customer)
        {
            CustomerName = customer.Name;
            var a = customer.Address;
            CustomerAddress = a is null ? [] :
                new[] { a.Line1, a.Line2, string.Join(" ", new[] { a.City, a.Province, a.PostalCode }.Where(s => !string.IsNullOrWhiteSpace(s))), a.Country }
                    .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToArray();
            return;
        }

        // A soft-deleted customer still names its old invoices (as on the PDF).
        CustomerName = await session.QuerySingleOrDefaultAsync<string>(
            "SELECT name FROM customers WHERE account_id = @account AND id = @id", new { account = account.Value, id }) ?? "";
    }

    private static async Task<DateOnly?> ChangedOnAsync(Session session, AccountId account, long invoiceId, ProfileDocument profile)
    {
        var savedAt = await session.QuerySingleOrDefaultAsync<string>(
            "SELECT saved_at FROM invoice_versions WHERE account_id = @account AND invoice_id = @id ORDER BY revision DESC LIMIT 1",
            new { account = account.Value, id = invoiceId });
        if (savedAt is null)
        {
            return null;
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone ?? Profiles.DefaultTimeZone, out var z) ? z : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(savedAt, CultureInfo.InvariantCulture), zone).DateTime);
    }

    private static async Task<Found?> FindAsync(Session session, string token)
    {
        var link = await InvoiceLinks.FindAsync(session, token);
        if (link is null)
        {
            return null;
        }

        var account = new AccountId(link.AccountId);
        foreach (var kind in new[] { InvoiceKinds.Invoice, InvoiceKinds.Quote })
        {
            var stored = await InvoiceStore.GetAsync(session, account, kind, new InvoiceId(link.InvoiceId));
            if (stored is not null)
            {
                // A draft has a link only when its sending failed or it was edited while its mail went out: the
                // customer sees what was sent, never a draft still being worked on (the link opens once it is sent).
                return stored.State.Stage switch
                {
                    InvoiceStatuses.Draft or InvoiceStatuses.QuoteDraft => null,
                    InvoiceStatuses.Void => new Found(account, null, kind),
                    _ => new Found(account, stored, kind),
                };
            }
        }

        var deleted = await session.QuerySingleOrDefaultAsync<string>(
            "SELECT kind FROM invoices WHERE account_id = @account AND id = @id AND deleted = 1", new { account = account.Value, id = link.InvoiceId });
        return deleted is null ? null : new Found(account, null, deleted);
    }

    private Task<Found?> FindAsync(Session session) => FindAsync(session, Token);
}
