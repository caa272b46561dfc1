namespace Pcc.LocalHost.Worker;

/// <summary>How long an invocation may run, and how long a cancelled one is given to finish.</summary>
/// <param name="FunctionTimeout">host.json <c>functionTimeout</c> (<see cref="Worker.FunctionTimeout"/>); null: no limit.</param>
/// <param name="GracePeriod">
/// How long the worker is given, after <c>InvocationCancel</c>, to answer: at a timeout, before the worker is restarted;
/// when the host stops, before the worker is terminated.
/// </param>
public sealed record InvocationLimits(TimeSpan? FunctionTimeout, TimeSpan GracePeriod)
{
    /// <summary>The Functions host's defaults: a 30-minute timeout and 10 s to drain (its <c>ProcessShutdownTimeout</c>).</summary>
    public static InvocationLimits Default { get; } = new(Worker.FunctionTimeout.Default, TimeSpan.FromSeconds(10));
}
