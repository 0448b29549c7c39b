using System.Globalization;

namespace BillingBooks.Billing.Email;

/// <summary><c>--smtp host:port</c> with optional <c>--smtp-user</c>/<c>--smtp-password</c>; without it mail goes to <c>--mail-dir</c> as .eml files.</summary>
public sealed record MailOptions(string? Host, int Port, string? User, string? Password, string MailDirectory, string From)
{
    public static MailOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var smtp = configuration["smtp"];
        string? host = null;
        var port = 25;
        if (!string.IsNullOrWhiteSpace(smtp))
        {
            var colon = smtp.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(smtp[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                throw new ArgumentException($"--smtp '{smtp}' is not host:port; write it like --smtp mail.example.com:587.");
            }

            host = smtp[..colon];
        }

        var directory = configuration["mail-dir"];
        if (string.IsNullOrWhiteSpace(directory))
        {
            directory = Path.Combine(Path.GetTempPath(), "billing-mail");
        }

        return new MailOptions(host, port, configuration["smtp-user"], configuration["smtp-password"], Path.GetFullPath(directory),
            configuration["mail-from"] ?? "billing@billingbooks.example");
    }
}
