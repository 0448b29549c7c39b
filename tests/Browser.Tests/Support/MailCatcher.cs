using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace BillingBooks.Browser.Tests.Support;

/// <summary>A real SMTP server (SmtpServer package) on a free loopback port; keeps every message with its envelope recipients.</summary>
public sealed class MailCatcher : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    public MailCatcher()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public sealed record Caught(IReadOnlyList<string> Envelope, MimeMessage Message);

    /// <summary>Waits for the <paramref name="count"/>-th message.</summary>
    public async Task<Caught> WaitForAsync(int count = 1, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (_store.Messages.Count >= count)
            {
                return _store.Messages.ToArray()[count - 1];
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No message #{count} within {seconds} s ({_store.Messages.Count} caught).");
    }

    public int Count => _store.Messages.Count;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<Caught> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            Messages.Enqueue(new Caught(transaction.To.Select(m => $"{m.User}@{m.Host}").ToArray(), message));
            return SmtpResponse.Ok;
        }
    }
}
