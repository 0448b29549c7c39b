using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Clients;

/// <summary>The bookkeeper's side (invitations are answered on <see cref="InvitationModel"/>): switch into a client's books (read-only), end a contract.</summary>
public sealed class IndexModel : BooksPage
{
    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => LoadAsync();

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
