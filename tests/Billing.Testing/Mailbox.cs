using System.Text.RegularExpressions;
using MimeKit;

namespace BillingBooks.Billing.Testing;

/// <summary>The mail a Billing process wrote as .eml files (its --mail-dir), read as the recipient would.</summary>
public static partial class Mailbox
{
    /// <summary>The secret token of the newest invitation link mailed to <paramref name="email"/>.</summary>
    public static async Task<string> InvitationTokenAsync(string folder, string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            // Newest first: write times can be equal for mails a few milliseconds apart; the service's names then tell.
            foreach (var file in Directory.GetFiles(folder, "*.eml").OrderByDescending(File.GetLastWriteTimeUtc).ThenByDescending(Path.GetFileName, StringComparer.Ordinal))
            {
                var message = await MimeMessage.LoadAsync(file).ConfigureAwait(false);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase))
                    && InvitationLink().Match(message.TextBody ?? "") is { Success: true } link)
                {
                    return link.Groups["token"].Value;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No invitation was mailed to {email} in {folder}.");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    [GeneratedRegex(@"https?://\S+/invitations/(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex InvitationLink();
}
