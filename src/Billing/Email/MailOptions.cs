using System.Globalization;
using BillingBooks.Billing.Web;

namespace BillingBooks.Billing.Email;

/// <summary>
/// <c>--smtp host:port</c> with optional <c>--smtp-user</c>/<c>--smtp-password</c> (or <see cref="PasswordVariable"/>);
/// without it mail goes to <c>--mail-dir</c> as .eml files.
/// </summary>
public sealed record MailOptions(string? Host, int Port, string? User, string? Password, string MailDirectory, string From)
{
    /// <summary>
    /// The environment variable with the password when --smtp-password is not given: the command line is visible to
    /// every user of the machine (<c>ps</c>). Read through the configuration, which ASP.NET Core fills from the environment.
    /// </summary>
    public const string PasswordVariable = "BILLING_SMTP_PASSWORD";

    /// <summary>The settings as checked at start (<see cref="Read(IConfiguration, ICollection{CommandLineError})"/>): a bad one never gets this far.</summary>
    public static MailOptions Read(IConfiguration configuration)
    {
        var errors = new List<CommandLineError>();
        var options = Read(configuration, errors);
        return errors.Count == 0 ? options : throw new InvalidOperationException($"The mail settings were read before the command line was checked: {errors[0].Message}");
    }

    /// <summary>The settings; a <c>--smtp</c> that is not host:port is added to <paramref name="errors"/>.</summary>
    public static MailOptions Read(IConfiguration configuration, ICollection<CommandLineError> errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(errors);
        var smtp = configuration["smtp"];
        string? host = null;
        var port = 25;
        if (!string.IsNullOrWhiteSpace(smtp))
        {
            var colon = smtp.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(smtp[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                errors.Add(new CommandLineError($"--smtp '{smtp}' is not host:port; write it like --smtp mail.example.com:587."));
            }
            else
            {
                host = smtp[..colon];
            }
        }

        var directory = configuration["mail-dir"];
        if (string.IsNullOrWhiteSpace(directory))
        {
            directory = Path.Combine(Path.GetTempPath(), "billing-mail");
        }

        return new MailOptions(host, port, configuration["smtp-user"], configuration["smtp-password"] ?? configuration[PasswordVariable], Path.GetFullPath(directory),
            configuration["mail-from"] ?? "billing@billingbooks.example");
    }
}
