using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace BillingBooks.Billing.Email;

/// <summary>Delivers a message: over SMTP with MailKit when <c>--smtp</c> is given, else as an .eml file in the mail folder.</summary>
public sealed class Mailer(MailOptions options, ILogger<Mailer> log, TimeProvider clock)
{
    private long _written;

    public MailOptions Options => options;

    public void AnnounceWhereMailGoes()
    {
        if (options.Host is null)
        {
            Directory.CreateDirectory(options.MailDirectory);
            log.LogWarning("No --smtp given: mail is written as .eml files to {MailDirectory}", options.MailDirectory);
        }
        else
        {
            log.LogWarning("Mail is sent through SMTP {Host}:{Port}", options.Host, options.Port);
        }
    }

    /// <summary>Delivers <paramref name="message"/>; null when done, else why it could not be (the mail server's answer).</summary>
    public async Task<string?> SendAsync(MimeMessage message, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (options.Host is null)
        {
            Directory.CreateDirectory(options.MailDirectory);
            // Named in the order sent, also within a second (write times may be equal): the time, then this process's count.
            var name = clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-"
                + Interlocked.Increment(ref _written).ToString("D6", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8] + ".eml";
            await message.WriteToAsync(Path.Combine(options.MailDirectory, name), cancel).ConfigureAwait(false);
            return null;
        }

        using var smtp = new SmtpClient();
        try
        {
            await smtp.ConnectAsync(options.Host, options.Port, SecureSocketOptions.StartTlsWhenAvailable, cancel).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(options.User))
            {
                if (!smtp.Capabilities.HasFlag(SmtpCapabilities.Authentication))
                {
                    // MailKit would throw NotSupportedException (a 500); it is the server's setting, like a wrong password.
                    log.LogWarning("Mail to {Recipients} was not sent: the mail server {Host}:{Port} offers no sign-in (AUTH)", string.Join(", ", message.To), options.Host, options.Port);
                    return $"The mail server {options.Host}:{options.Port} does not accept a user name and password (it offers no sign-in, AUTH); " +
                        $"check --smtp-user and --smtp-password or {MailOptions.PasswordVariable} (leave them out for a server that takes mail without signing in) or the server's settings.";
                }

                await smtp.AuthenticateAsync(options.User, options.Password ?? "", cancel).ConfigureAwait(false);
            }

            await smtp.SendAsync(message, cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (IsServerFailure(e))
        {
            // The mail server is outside our control: its refusal is an expected failure to report, not a bug.
            log.LogWarning(e, "Mail to {Recipients} was not delivered", string.Join(", ", message.To));
            return $"The mail server {options.Host}:{options.Port} did not take the message: {e.Message}";
        }

        // Delivered: the server took the message. A failed goodbye does not undo that, and callers record the
        // delivery next, so it is not cancelled either.
        try
        {
            await smtp.DisconnectAsync(quit: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (IsServerFailure(e))
        {
            log.LogInformation(e, "Mail to {Recipients} was delivered; the mail server's connection then failed", string.Join(", ", message.To));
        }

        return null;
    }

    private static bool IsServerFailure(Exception e) =>
        e is SmtpCommandException or SmtpProtocolException or AuthenticationException or IOException or System.Net.Sockets.SocketException;
}
