using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Bookkeepers;

/// <summary>The owner's side: invite a bookkeeper by email, withdraw a pending invitation, end a contract.</summary>
public sealed class IndexModel : BooksPage
{
    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostInviteAsync()
    {
        KeepPostedValues();
        var invited = await Api.PostAsync<Invitation>("api/v1/bookkeepers", new InvitationRequest(Posted("email")));
        return await AfterAsync(invited, $"{Posted("email")} is invited; they accept it under Clients after signing in with that email.");
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
