namespace BillingBooks.Billing.Email;

/// <summary>What Billing takes as an email address: one that the mail library reads as exactly one mailbox.</summary>
public static class MailAddresses
{
    /// <summary>
    /// True for one plain address like name@example.com (at most 254 characters, a local part and a domain), as the
    /// mail library reads it: "bob@", "a@b c@d" or a display name with an address are not one.
    /// </summary>
    public static bool IsOne(string? text) =>
        text?.Trim() is { Length: > 2 and <= 254 } email && MimeKit.MailboxAddress.TryParse(email, out var mailbox)
        && mailbox.Address == email && mailbox.LocalPart.Length > 0 && mailbox.Domain.Length > 0;
}
