using System.Net;

namespace BillingBooks.Books.Sync.Tests.Support;

/// <summary>
/// An HTTP proxy on loopback between `books` and Billing that misbehaves on a share of requests: resets the
/// connection, answers 500 or 503, stalls past the client's timeout, or cuts the body short; or that changes what
/// Billing answered (<see cref="Rewrite"/>), as a faulty Billing or proxy might.
/// </summary>
public sealed class FaultProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream;
    private readonly Random _random;
    private readonly double _faultRate;
    private readonly TimeSpan _stall;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<Forwarded> _forwarded = [];
    private int _faults;

    public FaultProxy(Uri upstream, double faultRate, int seed, TimeSpan stall)
    {
        _upstream = new HttpClient { BaseAddress = upstream, Timeout = TimeSpan.FromSeconds(30) };
        _random = new Random(seed);
        _faultRate = faultRate;
        _stall = stall;
        var port = FreePort.Next();
        Address = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Address { get; }

    public int Faults => Volatile.Read(ref _faults);

    /// <summary>Added before every request is forwarded (to make a run outlive a short-lived token).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Lets every request through from now on.</summary>
    public bool Healthy { get; set; }

    /// <summary>The requests forwarded to Billing so far, with Billing's answer, in the order they were answered.</summary>
    public IReadOnlyList<Forwarded> Answered
    {
        get
        {
            lock (_forwarded) return [.. _forwarded];
        }
    }

    /// <summary>Changes each answer's body (given the request's path and query) before it is sent on; null sends it as Billing wrote it.</summary>
    public Func<string, byte[], byte[]>? Rewrite { get; set; }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        int fault;
        lock (_random) fault = Healthy || _random.NextDouble() >= _faultRate ? -1 : _random.Next(5);
        if (fault >= 0) Interlocked.Increment(ref _faults);
        var response = context.Response;
        try
        {
            switch (fault)
            {
                case 0:
                    response.Abort();
                    return;
                case 1 or 2:
                    response.StatusCode = fault == 1 ? 500 : 503;
                    response.Close();
                    return;
                case 3:
                    await Task.Delay(_stall);
                    response.Abort();
                    return;
            }

            if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
            using var forward = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), context.Request.Url!.PathAndQuery);
            if (context.Request.Headers["Authorization"] is { } authorization) forward.Headers.TryAddWithoutValidation("Authorization", authorization);
            if (context.Request.HasEntityBody)
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                forward.Content = new ByteArrayContent(body.ToArray());
                forward.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
            }
            using var answer = await _upstream.SendAsync(forward);
            lock (_forwarded) _forwarded.Add(new Forwarded(context.Request.HttpMethod, context.Request.Url.AbsolutePath, (int)answer.StatusCode));
            var bytes = await answer.Content.ReadAsByteArrayAsync();
            if (Rewrite is { } rewrite) bytes = rewrite(context.Request.Url.PathAndQuery, bytes);
            response.StatusCode = (int)answer.StatusCode;
            if (answer.Content.Headers.ContentType is { } type) response.ContentType = type.ToString();
            response.ContentLength64 = bytes.Length;
            if (fault == 4 && bytes.Length > 1)
            {
                // Truncated: the promised length, half the bytes, then the connection drops.
                await response.OutputStream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await response.OutputStream.FlushAsync();
                response.Abort();
                return;
            }
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or HttpRequestException)
        {
            response.Abort();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _upstream.Dispose();
        _stop.Dispose();
    }
}

/// <summary>A request the proxy forwarded (path without the query) and the status Billing answered.</summary>
public sealed record Forwarded(string Method, string Path, int Status);
