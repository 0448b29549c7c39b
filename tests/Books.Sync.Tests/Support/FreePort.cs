using System.Net;
using System.Net.Sockets;

namespace BillingBooks.Books.Sync.Tests.Support;

public static class FreePort
{
    /// <summary>A loopback port nobody listens on (the OS picks it, then it is released).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
