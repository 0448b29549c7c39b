using System.Net;
using System.Net.Http.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Email;

/// <summary>
/// Mail goes out after the write that prepared it has committed: a slow mail server holds up no other write (on SQLite
/// every account's writes queue for one writer); a failed delivery still changes nothing; and what is recorded as sent
/// is what was mailed. On SQLite and on PostgreSQL (the Sqlite*/Postgres* classes below; without PostgreSQL outside
/// CI, those tests return early).
/// </summary>
public abstract class SlowMailServerTests
{
    // Only what a hung service would exceed: the writes below take milliseconds once nothing blocks them.
    private static readonly TimeSpan Hung = TimeSpan.FromSeconds(60);

    private static readonly SendRequest ToZoe = new(["zoe@example.com"], null, null, false, false);

    protected abstract bool OnPostgres { get; }

    [Fact]
    public async Task While_an_invoice_waits_for_the_mail_server_other_writes_go_on_and_when_delivery_fails_it_stays_a_draft()
    {
        using var smtp = LoopbackMailServer.FailingAfterHold();
        await using var own = await OwnBilling.StartAsync(OnPostgres, ["--smtp", smtp.Address]);
        if (own is null)
        {
            return;
        }

        var billing = own.Billing;
        using var api = await Api.ReadyAsync(billing);
        var draft = await api.DraftAsync(Api.Invoice((await api.CustomerAsync()).Id));

        using var response = await SendWhileOthersWriteAsync(billing, smtp, api, draft.Id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Nothing was changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(InvoiceStatuses.Draft, (await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{draft.Id}")).Status);
        Assert.DoesNotContain(await api.FeedAsync(), c => c.Kind == ChangeKinds.Invoice);
    }

    [Fact]
    public async Task While_an_invoice_mail_is_being_taken_other_writes_go_on_and_once_taken_the_invoice_is_sent()
    {
        using var smtp = LoopbackMailServer.AcceptingAfterHold();
        await using var own = await OwnBilling.StartAsync(OnPostgres, ["--smtp", smtp.Address]);
        if (own is null)
        {
            return;
        }

        var billing = own.Billing;
        using var api = await Api.ReadyAsync(billing);
        var draft = await api.DraftAsync(Api.Invoice((await api.CustomerAsync()).Id));

        using var response = await SendWhileOthersWriteAsync(billing, smtp, api, draft.Id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(InvoiceStatuses.Sent, (await response.Content.ReadFromJsonAsync<InvoiceResponse>(Api.Json))!.Status);
        Assert.Equal(InvoiceStatuses.Sent, (await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{draft.Id}")).Status);
        Assert.Contains(await api.FeedAsync(), c => c.Kind == ChangeKinds.Invoice && c.Id == draft.Id);
        Assert.Single(smtp.Accepted);
    }

    [Fact]
    public async Task A_draft_edited_while_its_mail_goes_out_stays_a_draft_and_the_sender_is_told_the_mail_had_the_earlier_version()
    {
        using var smtp = LoopbackMailServer.AcceptingAfterHold();
        await using var own = await OwnBilling.StartAsync(OnPostgres, ["--smtp", smtp.Address]);
        if (own is null)
        {
            return;
        }

        var billing = own.Billing;
        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        var draft = await api.DraftAsync(Api.Invoice(customer.Id, Api.Line("1", "100.00")));

        var sending = api.SendAsync(HttpMethod.Post, $"api/v1/invoices/{draft.Id}/send", ToZoe);
        await smtp.Held.WaitAsync(Hung);
        var edited = await api.OkAsync<InvoiceResponse>(HttpMethod.Put, $"api/v1/invoices/{draft.Id}", Api.Invoice(customer.Id, Api.Line("1", "250.00"))).WaitAsync(Hung);

        smtp.Release();
        var problem = await ProblemOfAsync(await sending.WaitAsync(Hung), HttpStatusCode.Conflict);
        Assert.Contains("edited while its email was being sent", problem.Detail, StringComparison.Ordinal);
        var stored = await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{draft.Id}");
        Assert.Equal((InvoiceStatuses.Draft, edited.Total), (stored.Status, stored.Total));
        Assert.DoesNotContain(await api.FeedAsync(), c => c.Kind == ChangeKinds.Invoice);
        using var received = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Assert.Single(smtp.Accepted)));
        var body = (await MimeKit.MimeMessage.LoadAsync(received)).TextBody ?? "";
        Assert.Contains(draft.Total, body, StringComparison.Ordinal);

        // The customer's link opens no unsent draft (it opens the invoice once it is sent again).
        var link = System.Text.RegularExpressions.Regex.Match(body, "/view/[A-Za-z0-9_-]+").Value;
        Assert.NotEmpty(link);
        using (var view = await billing.Client.GetAsync(new Uri(link.TrimStart('/'), UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        }

        await api.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/invoices/{draft.Id}/mark-sent");
        using (var view = await billing.Client.GetAsync(new Uri(link.TrimStart('/'), UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        }
    }

    [Fact]
    public async Task While_an_invitation_waits_for_the_mail_server_other_writes_go_on_and_when_delivery_fails_no_invitation_is_left()
    {
        using var smtp = LoopbackMailServer.FailingAfterHold();
        await using var own = await OwnBilling.StartAsync(OnPostgres, ["--smtp", smtp.Address]);
        if (own is null)
        {
            return;
        }

        var billing = own.Billing;
        using var api = await Api.ReadyAsync(billing);

        var inviting = api.SendAsync(HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest("books@example.com"));
        await smtp.Held.WaitAsync(Hung);
        await OtherWritesGoOnAsync(billing, api);

        smtp.Release();
        var problem = await ProblemOfAsync(await inviting.WaitAsync(Hung), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Nothing was changed", problem.Detail, StringComparison.Ordinal);
        Assert.Empty((await api.OkAsync<InvitationList>(HttpMethod.Get, "api/v1/bookkeepers")).Items);
    }

    [Fact]
    public async Task An_invitation_whose_sender_went_away_while_the_mail_server_failed_is_not_left_pending()
    {
        using var smtp = LoopbackMailServer.FailingAfterHold();
        await using var own = await OwnBilling.StartAsync(OnPostgres, ["--smtp", smtp.Address]);
        if (own is null)
        {
            return;
        }

        var billing = own.Billing;
        using var api = await Api.ReadyAsync(billing);

        // The request by hand on a socket of its own, closed while the mail is held: the service sees its client go.
        using (var client = new System.Net.Sockets.TcpClient())
        {
            await client.ConnectAsync(billing.BaseAddress.Host, billing.BaseAddress.Port);
            var body = """{"email":"books@example.com"}""";
            var head = $"POST /api/v1/bookkeepers HTTP/1.1\r\nHost: {billing.BaseAddress.Authority}\r\nAuthorization: {api.Client.DefaultRequestHeaders.Authorization}\r\n" +
                $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}";
            await client.GetStream().WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
            await smtp.Held.WaitAsync(Hung);
        }

        // Time for the service to notice its client has gone before the mail server answers (it learns it from the
        // closed socket; the outcome must not depend on whether it did).
        await Task.Delay(500);
        smtp.Release();
        // The service finishes the request on its own: the invitation is taken back (one left pending would stay
        // listed, and inviting the address again would be refused as already invited).
        var deadline = DateTime.UtcNow + Hung;
        while ((await api.OkAsync<InvitationList>(HttpMethod.Get, "api/v1/bookkeepers")).Items.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Empty((await api.OkAsync<InvitationList>(HttpMethod.Get, "api/v1/bookkeepers")).Items);
    }

    /// <summary>Sends the draft, checks other writes go on while the mail server holds it, then lets the server answer.</summary>
    private static async Task<HttpResponseMessage> SendWhileOthersWriteAsync(BillingProcess billing, LoopbackMailServer smtp, Api api, string draftId)
    {
        var sending = api.SendAsync(HttpMethod.Post, $"api/v1/invoices/{draftId}/send", ToZoe);
        await smtp.Held.WaitAsync(Hung);
        await OtherWritesGoOnAsync(billing, api);
        smtp.Release();
        return await sending.WaitAsync(Hung);
    }

    /// <summary>A write of the same account and a new account's sign-up and writes, each answered while the mail is held.</summary>
    private static async Task OtherWritesGoOnAsync(BillingProcess billing, Api api)
    {
        await api.CustomerAsync().WaitAsync(Hung);
        using var other = await Api.ReadyAsync(billing).WaitAsync(Hung);
        await other.CustomerAsync().WaitAsync(Hung);
    }

    private static async Task<Problem> ProblemOfAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode} {text}");
            return System.Text.Json.JsonSerializer.Deserialize<Problem>(text, Api.Json)!;
        }
    }
}

public sealed class SqliteSlowMailServerTests : SlowMailServerTests
{
    protected override bool OnPostgres => false;
}

public sealed class PostgresSlowMailServerTests : SlowMailServerTests
{
    protected override bool OnPostgres => true;
}
