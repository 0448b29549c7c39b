using System.Net;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Email;

/// <summary>
/// With --smtp-user/--smtp-password and a mail server that offers no sign-in (no AUTH in its EHLO answer), a send or
/// an invitation is refused like a wrong password: 422 saying what to check, nothing changed (MailKit's
/// NotSupportedException was a 500 that left the invitation pending).
/// </summary>
public sealed class SmtpWithoutAuthTests
{
    private const string Expected = "does not accept a user name and password";

    [Fact]
    public async Task Sending_an_invoice_is_refused_with_what_to_check_and_it_stays_a_draft()
    {
        using var smtp = LoopbackMailServer.AcceptingAfterHold();
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--smtp", smtp.Address, "--smtp-user", "ann", "--smtp-password", "secret"]);
        using var api = await Api.ReadyAsync(billing);
        var draft = await api.DraftAsync(Api.Invoice((await api.CustomerAsync()).Id));

        var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"api/v1/invoices/{draft.Id}/send",
            new SendRequest(["zoe@example.com"], null, null, false, false));

        Assert.Contains(Expected, problem.Detail, StringComparison.Ordinal);
        Assert.Contains("--smtp-user", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("BILLING_SMTP_PASSWORD", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(InvoiceStatuses.Draft, (await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{draft.Id}")).Status);
        Assert.Empty(smtp.Accepted);
    }

    [Fact]
    public async Task Inviting_a_bookkeeper_is_refused_with_what_to_check_and_the_invitation_is_taken_back()
    {
        using var smtp = LoopbackMailServer.AcceptingAfterHold();
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--smtp", smtp.Address, "--smtp-user", "ann", "--smtp-password", "secret"]);
        using var api = await Api.SignUpAsync(billing);

        var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest("bob@example.com"));

        Assert.Contains(Expected, problem.Detail, StringComparison.Ordinal);
        Assert.Empty((await api.OkAsync<InvitationList>(HttpMethod.Get, "api/v1/bookkeepers")).Items);
    }
}
