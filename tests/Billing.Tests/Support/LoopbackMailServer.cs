using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BillingBooks.Billing.Tests.Support;

/// <summary>
/// A mail server on loopback (for <c>--smtp</c>). Either it holds the service still at one point of the conversation
/// until released: right after connecting, then hanging up (a slow server, then a failed delivery), or with the whole
/// message received but not yet accepted, then accepting it (a slow server, then a delivery). Or it requires sign-in:
/// it offers AUTH PLAIN, records each user name and password it is given, and takes mail only after the expected ones
/// (535 otherwise, like a real server).
/// </summary>
public sealed class LoopbackMailServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _accepted = [];
    private readonly List<(string User, string Password)> _signIns = [];
    private readonly bool _accepts;
    private readonly (string User, string Password)? _signIn;
    private readonly Task _serving;

    private LoopbackMailServer(bool accepts, (string User, string Password)? signIn = null)
    {
        _accepts = accepts;
        _signIn = signIn;
        if (signIn is not null)
        {
            Release(); // it holds nothing
        }

        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>Holds right after the connection; released, hangs up without a word.</summary>
    public static LoopbackMailServer FailingAfterHold() => new(accepts: false);

    /// <summary>Holds once it has the whole message; released, accepts it.</summary>
    public static LoopbackMailServer AcceptingAfterHold() => new(accepts: true);

    /// <summary>Takes mail at once, but only after signing in with this user name and password.</summary>
    public static LoopbackMailServer RequiringSignIn(string user, string password) => new(accepts: true, (user, password));

    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Completes when the service is held (waiting for the server).</summary>
    public Task Held => _held.Task;

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

    public void Release() => _released.TrySetResult();

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                if (_accepts)
                {
                    await ConverseAsync(client.GetStream()).ConfigureAwait(false);
                }
                else
                {
                    _held.TrySetResult();
                    await _released.Task.ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            // Stopped.
        }
    }

    /// <summary>Just enough SMTP for MailKit: greeting, EHLO (with AUTH PLAIN when it requires sign-in), AUTH, MAIL, RCPT, DATA, QUIT.</summary>
    private async Task ConverseAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 loopback.test ESMTP").ConfigureAwait(false);
        var signedIn = _signIn is null;
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            var words = line.Split(' ');
            switch (words[0].ToUpperInvariant())
            {
                case "EHLO" or "HELO" when _signIn is null:
                    await writer.WriteLineAsync("250 loopback.test").ConfigureAwait(false);
                    break;
                case "EHLO":
                    await writer.WriteLineAsync("250-loopback.test").ConfigureAwait(false);
                    await writer.WriteLineAsync("250 AUTH PLAIN").ConfigureAwait(false);
                    break;
                case "AUTH" when _signIn is { } expected && words.Length >= 2 && words[1].Equals("PLAIN", StringComparison.OrdinalIgnoreCase):
                    var response = words.Length > 2 ? words[2] : null;
                    if (response is null)
                    {
                        await writer.WriteLineAsync("334 ").ConfigureAwait(false);
                        response = await reader.ReadLineAsync().ConfigureAwait(false) ?? "";
                    }

                    // PLAIN: authorization identity, user name and password, each after a NUL.
                    var parts = Encoding.UTF8.GetString(Convert.FromBase64String(response)).Split('\0');
                    var given = parts.Length == 3 ? (parts[1], parts[2]) : ("", "");
                    lock (_signIns)
                    {
                        _signIns.Add(given);
                    }

                    signedIn = given == expected;
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

                    _held.TrySetResult();
                    await _released.Task.ConfigureAwait(false);
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
        Release();
        _listener.Stop();
        _listener.Dispose();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
