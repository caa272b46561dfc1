using System.Runtime.InteropServices;

namespace Pcc.LocalHost;

/// <summary>Turns Ctrl+C (SIGINT) and SIGTERM into a cancellation, so the host stops what it started before exiting.</summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    /// <summary>Listens for the signals.</summary>
    public ShutdownSignal()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
    }

    /// <summary>Cancelled when a signal arrives.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Waits for a signal.</summary>
    public Task WaitAsync() => Task.Delay(Timeout.Infinite, Token).ContinueWith(_ => { }, TaskScheduler.Default);

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        // Keep the process alive until the host has stopped its emulators; a second signal still ends it at once.
        context.Cancel = !_source.IsCancellationRequested;
        _source.Cancel();
    }
}
