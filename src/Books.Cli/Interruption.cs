using System.Runtime.InteropServices;

namespace BillingBooks.Books.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM. While a command that stops cleanly on <see cref="Token"/> runs (inside
/// <see cref="Handle"/>), the first signal cancels the token instead of ending the process, so the command
/// can finish what must be whole (a sync's page with its cursor) and say what was kept; a second signal, or
/// one during any other command, ends the process as usual (every write is a transaction: nothing is half done).
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _signals;
    private int _handlers;

    private Interruption(params PosixSignal[] signals) =>
        _signals = [.. signals.Select(signal => PosixSignalRegistration.Create(signal, OnSignal))];

    /// <summary>No signals: in-process runs (tests) are never interrupted. Shared, so never disposed.</summary>
    public static Interruption None { get; } = new();

    public static Interruption OfThisProcess() => new(PosixSignal.SIGINT, PosixSignal.SIGTERM);

    public CancellationToken Token => _cancel.Token;

    /// <summary>Until disposed, the first signal cancels <see cref="Token"/> and the process goes on.</summary>
    public IDisposable Handle()
    {
        Interlocked.Increment(ref _handlers);
        return new Handling(this);
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Volatile.Read(ref _handlers) == 0 || _cancel.IsCancellationRequested) return;
        context.Cancel = true;
        _cancel.Cancel();
    }

    public void Dispose()
    {
        if (ReferenceEquals(this, None)) return;
        foreach (var signal in _signals) signal.Dispose();
        _cancel.Dispose();
    }

    private sealed class Handling(Interruption owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) Interlocked.Decrement(ref owner._handlers);
        }
    }
}
