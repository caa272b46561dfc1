using Pcc.LocalHost.Worker.Rpc;

namespace Pcc.LocalHost.Worker;

/// <summary>How one invocation ended.</summary>
/// <param name="InvocationId">The invocation's id.</param>
/// <param name="Succeeded">Whether the worker reported success.</param>
/// <param name="Error">The exception the worker reported, or why there was no answer.</param>
/// <param name="Elapsed">From the request to the response.</param>
/// <param name="TimedOut">Whether it failed because it outran <c>functionTimeout</c>.</param>
public sealed record InvocationResult(string InvocationId, bool Succeeded, string? Error, TimeSpan Elapsed, bool TimedOut = false)
{
    /// <summary>The result of <paramref name="response"/>.</summary>
    public static InvocationResult From(InvocationResponse response, TimeSpan elapsed) =>
        response.Result?.Status == StatusResult.Types.Status.Success
            ? new InvocationResult(response.InvocationId, true, null, elapsed)
            : new InvocationResult(response.InvocationId, false,
                response.Result?.Exception is { } exception ? WorkerLog.Describe(exception) : response.Result?.Result ?? "The worker reported a failure.", elapsed);

    /// <summary>One line for logs.</summary>
    public override string ToString() => Succeeded ? $"succeeded in {Elapsed.TotalMilliseconds:0} ms" : $"failed: {Error}";
}
