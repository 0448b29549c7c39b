using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BillingBooks.Billing.Tests.Support;

/// <summary>
/// A mail server on loopback (for <c>--smtp</c>) that holds the service still at one point of the conversation until
/// released: right after connecting, then hanging up (a slow server, then a failed delivery), or with the whole
/// message received but not yet accepted, then accepting it (a slow server, then a delivery).
/// </summary>
public sealed class HeldMailServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _accepted = [];
    private readonly bool _accepts;
    private readonly Task _serving;

    private HeldMailServer(bool accepts)
    {
        _accepts = accepts;
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>Holds right after the connection; released, hangs up without a word.</summary>
    public static HeldMailServer FailingAfterHold() => new(accepts: false);

    /// <summary>Holds once it has the whole message; released, accepts it.</summary>
    public static HeldMailServer AcceptingAfterHold() => new(accepts: true);

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

    /// <summary>Just enough SMTP for MailKit: greeting, EHLO, MAIL, RCPT, DATA, QUIT.</summary>
    private async Task ConverseAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 held.test ESMTP").ConfigureAwait(false);
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 held.test").ConfigureAwait(false);
                    break;
                case "MAIL" or "RCPT" or "RSET" or "NOOP":
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
