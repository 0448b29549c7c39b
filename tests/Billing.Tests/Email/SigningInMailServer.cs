using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BillingBooks.Billing.Tests.Email;

/// <summary>
/// A mail server on loopback (for <c>--smtp</c>) that requires sign-in: it offers AUTH PLAIN, records each user name and
/// password it is given, and takes mail only after the expected ones (535 otherwise, like a real server).
/// </summary>
public sealed class SigningInMailServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<(string User, string Password)> _signIns = [];
    private readonly List<string> _accepted = [];
    private readonly string _user;
    private readonly string _password;
    private readonly Task _serving;

    public SigningInMailServer(string user, string password)
    {
        _user = user;
        _password = password;
        _listener.Start();
        _serving = ServeAsync();
    }

    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Each user name and password given to AUTH, in order.</summary>
    public IReadOnlyList<(string User, string Password)> SignIns
    {
        get
        {
            lock (_signIns)
            {
                return [.. _signIns];
            }
        }
    }

    /// <summary>The messages accepted, as received.</summary>
    public IReadOnlyList<string> Accepted
    {
        get
        {
            lock (_accepted)
            {
                return [.. _accepted];
            }
        }
    }

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                await ConverseAsync(client.GetStream()).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            // Stopped.
        }
    }

    /// <summary>Just enough SMTP for MailKit: greeting, EHLO with AUTH PLAIN, AUTH, MAIL (only once signed in), RCPT, DATA, QUIT.</summary>
    private async Task ConverseAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 signin.test ESMTP").ConfigureAwait(false);
        var signedIn = false;
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            var words = line.Split(' ');
            switch (words[0].ToUpperInvariant())
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-signin.test").ConfigureAwait(false);
                    await writer.WriteLineAsync("250 AUTH PLAIN").ConfigureAwait(false);
                    break;
                case "AUTH" when words.Length >= 2 && words[1].Equals("PLAIN", StringComparison.OrdinalIgnoreCase):
                    var response = words.Length > 2 ? words[2] : null;
                    if (response is null)
                    {
                        await writer.WriteLineAsync("334 ").ConfigureAwait(false);
                        response = await reader.ReadLineAsync().ConfigureAwait(false) ?? "";
                    }

                    // PLAIN: authorization identity, user name and password, each after a NUL.
                    var parts = Encoding.UTF8.GetString(Convert.FromBase64String(response)).Split('\0');
                    var (user, password) = parts.Length == 3 ? (parts[1], parts[2]) : ("", "");
                    lock (_signIns)
                    {
                        _signIns.Add((user, password));
                    }

                    signedIn = user == _user && password == _password;
                    await writer.WriteLineAsync(signedIn ? "235 signed in" : "535 wrong user name or password").ConfigureAwait(false);
                    break;
                case "MAIL":
                    await writer.WriteLineAsync(signedIn ? "250 ok" : "530 sign in first").ConfigureAwait(false);
                    break;
                case "RCPT" or "RSET" or "NOOP":
                    await writer.WriteLineAsync("250 ok").ConfigureAwait(false);
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with a dot").ConfigureAwait(false);
                    var message = new StringBuilder();
                    while (await reader.ReadLineAsync().ConfigureAwait(false) is { } data && data != ".")
                    {
                        message.AppendLine(data);
                    }

                    lock (_accepted)
                    {
                        _accepted.Add(message.ToString());
                    }

                    await writer.WriteLineAsync("250 queued").ConfigureAwait(false);
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye").ConfigureAwait(false);
                    return;
                default:
                    await writer.WriteLineAsync("502 not here").ConfigureAwait(false);
                    break;
            }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Dispose();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
