using System.Globalization;
using MimeKit;

namespace BillingBooks.Billing.Email;

/// <summary>
/// The email that tells a bookkeeper a client invited them (SPEC 1.7: "invites a bookkeeper by email"). Its link
/// holds the secret that proves the reader owns the invited mailbox: signing up with an address proves nothing.
/// </summary>
public static class InvitationMail
{
    public static MimeMessage Compose(string from, string clientEmail, string? company, string bookkeeperEmail, string link, DateTimeOffset expires)
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
                   $"Open this link, sign in (or sign up free) with {bookkeeperEmail}, then accept or decline:\n{link}\n\n" +
                   $"The link works once, only for {bookkeeperEmail}, until {expires.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}. " +
                   "Do not forward it: it is the proof that the invitation reached you.\n",
        };
        return message;
    }
}
