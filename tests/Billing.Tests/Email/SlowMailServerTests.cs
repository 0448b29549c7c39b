using System.Net;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Email;

/// <summary>
/// Mail goes out after the write that prepared it has committed: a slow mail server holds up no other write (on SQLite
/// every account's writes queue for one writer), and a failed delivery still changes nothing.
/// </summary>
public sealed class SlowMailServerTests
{
    // Only what a hung service would exceed: the writes below take milliseconds once nothing blocks them.
    private static readonly TimeSpan Hung = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task While_an_invoice_waits_for_the_mail_server_other_writes_go_on_and_when_delivery_fails_it_stays_a_draft()
    {
        using var smtp = new StalledMailServer();
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--smtp", smtp.Address]);
        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        var draft = await api.DraftAsync(Api.Invoice(customer.Id));

        var sending = api.SendAsync(HttpMethod.Post, $"api/v1/invoices/{draft.Id}/send", new SendRequest(["zoe@example.com"], null, null, false, false));
        await smtp.Connected.WaitAsync(Hung);
        await api.CustomerAsync().WaitAsync(Hung);
        using (var other = await Api.ReadyAsync(billing).WaitAsync(Hung))
        {
            await other.CustomerAsync().WaitAsync(Hung);
        }

        smtp.Release();
        using var response = await sending;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Nothing was changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{draft.Id}");
        Assert.Equal(InvoiceStatuses.Draft, after.Status);
        Assert.DoesNotContain(await api.FeedAsync(), c => c.Kind == ChangeKinds.Invoice);
    }

    [Fact]
    public async Task While_an_invitation_waits_for_the_mail_server_other_writes_go_on_and_when_delivery_fails_no_invitation_is_left()
    {
        using var smtp = new StalledMailServer();
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--smtp", smtp.Address]);
        using var api = await Api.ReadyAsync(billing);

        var inviting = api.SendAsync(HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest("books@example.com"));
        await smtp.Connected.WaitAsync(Hung);
        await api.CustomerAsync().WaitAsync(Hung);

        smtp.Release();
        using var response = await inviting;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Nothing was changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await api.OkAsync<InvitationList>(HttpMethod.Get, "api/v1/bookkeepers")).Items);
    }
}
