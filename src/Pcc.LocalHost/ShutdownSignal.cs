using System.Runtime.InteropServices;

namespace Pcc.LocalHost;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into a cancellation, so the host stops what it started before exiting.
/// A process started in the background by a non-interactive shell (or by <c>timeout</c>, a process manager, an IDE
/// console) inherits SIGINT as ignored, and .NET then never reports it; the default is restored first so an
/// interrupt sent to the process group always stops the host.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    /// <summary>Listens for the signals.</summary>
    public ShutdownSignal()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            RestoreDefault(SigInt, SigDefault);
        }

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

    private const int SigInt = 2;
    private const nint SigDefault = 0;

    // signal(2) from the C library: no managed API resets a signal that was ignored when the process started.
    [DllImport("libc", EntryPoint = "signal")]
    private static extern nint RestoreDefault(int signal, nint handler);

    private void Handle(PosixSignalContext context)
    {
        // Keep the process alive until the host has stopped its emulators; a second signal still ends it at once.
        context.Cancel = !_source.IsCancellationRequested;
        _source.Cancel();
    }
}
