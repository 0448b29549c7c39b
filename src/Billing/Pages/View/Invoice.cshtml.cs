using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Email;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Pdf;
using BillingBooks.Billing.Storage;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.View;

/// <summary>
/// The customer's view from the email's secret link, without signing in. An unknown token, a void invoice, a deleted
/// one or a draft are all the same 404, so a link reveals nothing once the invoice is gone, nor before it is sent.
/// </summary>
public sealed class InvoiceModel(Database db, TimeProvider clock) : BooksPage
{
    [FromRoute]
    public string Token { get; set; } = "";

    public InvoiceResponse? Invoice { get; private set; }

    public string Company { get; private set; } = "";

    public bool HasLogo { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await using var session = await db.BeginSnapshotAsync(HttpContext.RequestAborted);
        var target = await FindAsync(session);
        if (target is null)
        {
            return NotFound();
        }

        var profile = await Profiles.ReadAsync(session, target.Value.Account);
        Invoice = target.Value.Invoice;
        Company = profile.CompanyName ?? profile.ContactName ?? "";
        HasLogo = await Logos.ReadAsync(session, target.Value.Account) is not null;
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync()
    {
        await using var session = await db.BeginSnapshotAsync(HttpContext.RequestAborted);
        var target = await FindAsync(session);
        if (target is null)
        {
            return NotFound();
        }

        var rendered = await InvoiceDeliveryEndpoints.RenderAsync(session, target.Value.Account, target.Value.Invoice.Kind, long.Parse(target.Value.Invoice.Id, System.Globalization.CultureInfo.InvariantCulture), clock);
        return rendered is null ? NotFound() : File(rendered.Value.Pdf, "application/pdf", InvoiceDeliveryEndpoints.FileName(rendered.Value.Invoice));
    }

    public async Task<IActionResult> OnGetLogoAsync()
    {
        await using var session = await db.BeginSnapshotAsync(HttpContext.RequestAborted);
        var target = await FindAsync(session);
        var logo = target is null ? null : await Logos.ReadAsync(session, target.Value.Account);
        return logo is null ? NotFound() : File(logo.Image, logo.ContentType);
    }

    private async Task<(AccountId Account, InvoiceResponse Invoice)?> FindAsync(Session session)
    {
        var link = await InvoiceLinks.FindAsync(session, Token);
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
                if (stored.State.Stage is InvoiceStatuses.Void or InvoiceStatuses.Draft or InvoiceStatuses.QuoteDraft)
                {
                    return null;
                }

                var today = Profiles.Today(await Profiles.ReadAsync(session, account), clock);
                return (account, InvoiceViews.ToResponse(stored.State, stored.Paid, today));
            }
        }

        return null;
    }
}
