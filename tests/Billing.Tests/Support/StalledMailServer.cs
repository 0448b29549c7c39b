using System.Net;
using System.Net.Sockets;

namespace BillingBooks.Billing.Tests.Support;

/// <summary>
/// A mail server that accepts a connection and then says nothing until released, then hangs up: a slow server
/// followed by a failed delivery, as the service meets them over SMTP.
/// </summary>
public sealed class StalledMailServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _serving;

    public StalledMailServer()
    {
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>For <c>--smtp</c>.</summary>
    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Completes when the service has connected (it is then waiting for the greeting).</summary>
    public Task Connected => _connected.Task;

    /// <summary>Hangs up on the connection held (and on any later one at once).</summary>
    public void Release() => _released.TrySetResult();

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                _connected.TrySetResult();
                await _released.Task.ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
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
