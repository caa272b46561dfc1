namespace Pcc.LocalHost.Worker;

/// <summary>One started worker process with its stream, its functions and the address of its HTTP pipeline.</summary>
/// <param name="Process">The process.</param>
/// <param name="Channel">Its event stream.</param>
/// <param name="Functions">The functions it described and loaded, by name.</param>
/// <param name="HttpUri">Where it takes forwarded HTTP requests (the <c>HttpUri</c> capability), or null.</param>
/// <param name="HandlesCancel">Whether it takes <c>InvocationCancel</c> (the <c>HandlesInvocationCancelMessage</c> capability).</param>
public sealed record WorkerSession(WorkerProcess Process, WorkerChannel Channel, IReadOnlyDictionary<string, WorkerFunction> Functions, Uri? HttpUri, bool HandlesCancel)
{
    /// <summary>Completes when the process has ended or its stream has closed.</summary>
    public Task Ended => Task.WhenAny(Process.Exited, Channel.Closed);
}
