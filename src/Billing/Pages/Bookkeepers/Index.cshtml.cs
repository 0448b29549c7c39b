using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Bookkeepers;

/// <summary>The owner's side: invite a bookkeeper by email, withdraw a pending invitation, end a contract.</summary>
public sealed class IndexModel : BooksPage
{
    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => LoadAsync();

    /// <summary>The API mails the invitation's secret link itself (the link never passes through the page).</summary>
    public async Task<IActionResult> OnPostInviteAsync()
    {
        KeepPostedValues();
        var invited = await Api.PostAsync<Invitation>("api/v1/bookkeepers", new InvitationRequest(Posted("email")));
        var until = invited.Value?.LinkExpiresAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return await AfterAsync(invited, $"{invited.Value?.BookkeeperEmail} is invited by email: they open the link in it (valid until {until}), sign in or sign up with that address, and accept.");
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
