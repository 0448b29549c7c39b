using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Clients;

/// <summary>
/// Where the link of an invitation email lands (signing in or up first, with the invited email): shows who invites
/// and lets the bookkeeper accept or decline. The token in the link is the proof that they read that mailbox.
/// </summary>
public sealed class InvitationModel : BooksPage
{
    public Invitation? Invitation { get; private set; }

    /// <summary>The link is for another email than the signed-in one.</summary>
    public bool WrongAccount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var opened = await Api.PostAsync<Invitation>("api/v1/clients/invitation", new InvitationToken(token));
        return opened.Problem is null ? Shown(opened.Value) : Refused(opened.Problem);
    }

    public Task<IActionResult> OnPostAcceptAsync(string token) => AnswerAsync(token, "accept", "The invitation is accepted; open the client's books below.");

    public Task<IActionResult> OnPostDeclineAsync(string token) => AnswerAsync(token, "decline", "The invitation is declined.");

    private async Task<IActionResult> AnswerAsync(string token, string answer, string notice)
    {
        var answered = await Api.PostAsync<Invitation>($"api/v1/clients/{answer}", new InvitationToken(token));
        if (answered.Problem is not null)
        {
            return Refused(answered.Problem);
        }

        Notice = notice;
        return LocalRedirect("/clients");
    }

    private IActionResult Shown(Invitation? invitation)
    {
        Invitation = invitation;
        return Page();
    }

    /// <summary>A link that is not (or no longer) valid, or meant for another email: said on the page, not as an error page.</summary>
    private IActionResult Refused(Problem problem)
    {
        if (problem.Status == 401)
        {
            return Show(problem);
        }

        WrongAccount = problem.Status == 403;
        Message = problem.Detail;
        return Page();
    }
}
