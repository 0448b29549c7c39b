using MimeKit;

namespace BillingBooks.Billing.Email;

/// <summary>The email that tells a bookkeeper a client invited them (SPEC 1.7: "invites a bookkeeper by email").</summary>
public static class InvitationMail
{
    public static MimeMessage Compose(string from, string clientEmail, string? company, string bookkeeperEmail, string origin)
    {
        var who = string.IsNullOrWhiteSpace(company) ? clientEmail : $"{company} ({clientEmail})";
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(company ?? clientEmail, from));
        message.ReplyTo.Add(MailboxAddress.Parse(clientEmail));
        message.To.Add(MailboxAddress.Parse(bookkeeperEmail));
        message.Subject = $"{company ?? clientEmail} invites you as their bookkeeper";
        message.Body = new TextPart("plain")
        {
            Text = $"{who} invites you to see their customers, invoices, payments and reports, read-only.\n\n" +
                   $"Sign in (or sign up free) with {bookkeeperEmail} and accept the invitation under Clients:\n{origin}/clients\n",
        };
        return message;
    }
}
