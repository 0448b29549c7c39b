using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Email;

/// <summary>
/// The mail server's password can be given in BILLING_SMTP_PASSWORD instead of --smtp-password, which every user of
/// the machine sees in <c>ps</c>; --smtp-password, when given, wins.
/// </summary>
public sealed class SmtpPasswordVariableTests
{
    private static readonly SendRequest ToZoe = new(["zoe@example.com"], null, null, false, false);

    [Theory]
    [InlineData(new[] { "--smtp-user", "ann" }, "from the environment")]
    [InlineData(new[] { "--smtp-user", "ann", "--smtp-password", "from the command line" }, "from the command line")]
    public async Task The_mail_server_is_signed_in_to_with_the_password_from_the_command_line_or_else_BILLING_SMTP_PASSWORD(
        string[] arguments, string password)
    {
        using var smtp = LoopbackMailServer.RequiringSignIn("ann", password);
        await using var billing = await BillingProcess.StartAsync(
            extraArguments: ["--smtp", smtp.Address, .. arguments],
            environment: new Dictionary<string, string> { ["BILLING_SMTP_PASSWORD"] = "from the environment" });
        using var api = await Api.ReadyAsync(billing);
        var draft = await api.DraftAsync(Api.Invoice((await api.CustomerAsync()).Id));

        await api.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/invoices/{draft.Id}/send", ToZoe);

        Assert.Equal([("ann", password)], smtp.SignIns);
        Assert.Single(smtp.Accepted);
        Assert.Equal(InvoiceStatuses.Sent, (await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{draft.Id}")).Status);
    }
}
