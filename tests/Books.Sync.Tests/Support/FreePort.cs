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

    /// <summary>
    /// A loopback port held for as long as the socket lives, bound but not listening: connecting to it is refused, and
    /// no other process can take it meanwhile (and receive what a test sends to "nobody").
    /// </summary>
    public static Socket Closed()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}
