using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Clients;

/// <summary>The bookkeeper's side: accept or decline invitations, switch into a client's books (read-only), end a contract.</summary>
public sealed class IndexModel : BooksPage
{
    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAcceptAsync(string invitation) =>
        await AfterAsync(await Api.PostAsync<Invitation>($"api/v1/clients/{Uri.EscapeDataString(invitation)}/accept", null), "The invitation is accepted; open the client's books below.");

    public async Task<IActionResult> OnPostDeclineAsync(string invitation) =>
        await AfterAsync(await Api.PostAsync<Invitation>($"api/v1/clients/{Uri.EscapeDataString(invitation)}/decline", null), "The invitation is declined.");

    public async Task<IActionResult> OnPostEndAsync(string invitation)
    {
        PageSession.ChooseDataset(HttpContext, null);
        return await AfterAsync(await Api.PostAsync<Invitation>($"api/v1/clients/{Uri.EscapeDataString(invitation)}/end", null), "The contract is ended.");
    }

    /// <summary>The client switcher: the API checks the contract on every request, so choosing grants nothing by itself.</summary>
    public IActionResult OnPostSwitch(string? client, string? name)
    {
        PageSession.ChooseDataset(HttpContext, string.IsNullOrEmpty(client) ? null : client, name);
        Notice = client is null ? "Back in your own books." : "You are viewing a client's books, read-only.";
        return LocalRedirect("/");
    }

    private Task<IActionResult> AfterAsync(ApiResult<Invitation> result, string notice) => AfterAsync(result, notice, "/clients", LoadAsync);

    private async Task<IActionResult> LoadAsync()
    {
        var list = await Api.GetAsync<InvitationList>("api/v1/clients");
        if (Failed(list) is { } failed)
        {
            return failed;
        }

        Invitations = list.Value!.Items;
        return Page();
    }
}
