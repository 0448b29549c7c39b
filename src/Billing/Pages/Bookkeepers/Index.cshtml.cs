using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Email;
using BillingBooks.Billing.Invoices;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Bookkeepers;

/// <summary>The owner's side: invite a bookkeeper by email, withdraw a pending invitation, end a contract.</summary>
public sealed class IndexModel(Mailer mailer, IConfiguration configuration) : BooksPage
{
    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostInviteAsync()
    {
        KeepPostedValues();
        var invited = await Api.PostAsync<Invitation>("api/v1/bookkeepers", new InvitationRequest(Posted("email")));
        if (invited.Value is not { } invitation)
        {
            return await AfterAsync(invited, "");
        }

        // The invitation stands either way; the email only tells the bookkeeper about it.
        var profile = await Api.GetAsync<ProfileDocument>("api/v1/profile");
        var mail = InvitationMail.Compose(mailer.Options.From, invitation.ClientEmail, profile.Value?.CompanyName, invitation.BookkeeperEmail, InvoiceDeliveryEndpoints.PublicOrigin(configuration, Request));
        var failure = await mailer.SendAsync(mail, HttpContext.RequestAborted);
        return await AfterAsync(invited, failure is null
            ? $"{invitation.BookkeeperEmail} is invited by email; they accept it under Clients after signing in with that address."
            : $"{invitation.BookkeeperEmail} is invited (they see it under Clients when they sign in), but the email was not sent: {failure}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string invitation) =>
        await AfterAsync(await Api.PostAsync<Invitation>($"api/v1/bookkeepers/{Uri.EscapeDataString(invitation)}/withdraw", null), "The invitation is withdrawn.");

    public async Task<IActionResult> OnPostEndAsync(string invitation) =>
        await AfterAsync(await Api.PostAsync<Invitation>($"api/v1/bookkeepers/{Uri.EscapeDataString(invitation)}/end", null), "The contract is ended; the bookkeeper's access ended with it.");

    private Task<IActionResult> AfterAsync(ApiResult<Invitation> result, string notice) => AfterAsync(result, notice, "/bookkeepers", LoadAsync);

    private async Task<IActionResult> LoadAsync()
    {
        if (ReadOnly)
        {
            return LocalRedirect("/clients");
        }

        var list = await Api.GetAsync<InvitationList>("api/v1/bookkeepers");
        if (Failed(list) is { } failed)
        {
            return failed;
        }

        Invitations = list.Value!.Items;
        return Page();
    }
}
