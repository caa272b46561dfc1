using System.Diagnostics;
using Pcc.LocalHost.Worker.Rpc;

namespace Pcc.LocalHost.Worker;

/// <summary>
/// One invocation on the wire, cancelled as the Functions host cancels it. When the invocation's token fires
/// (<c>functionTimeout</c> passed, the caller gave up, or the host is stopping) the worker is sent
/// <c>InvocationCancel</c> (Azure/azure-functions-host GrpcWorkerChannel.SendInvocationRequest registers
/// SendInvocationCancel on the invocation's token, when the worker has the HandlesInvocationCancelMessage capability)
/// and is given <see cref="InvocationLimits.GracePeriod"/> to answer.
/// </summary>
/// <remarks>
/// A timeout fails the invocation whatever the worker answers, and a worker that does not answer within the grace
/// period is restarted (WebJobs FunctionExecutor fails it with FunctionTimeoutException; the host's
/// WebScriptHostExceptionHandler.OnTimeoutExceptionAsync waits the grace period for the function, then restarts the
/// worker running it). Waiting for the answer before the failure is reported keeps a retry from overlapping the
/// cancelled run. When the host stops, the worker's answer is the result; without one the caller's token throws.
/// </remarks>
internal sealed class InvocationCancellation(WorkerSession session, string functionName, string invocationId, InvocationLimits limits, ILogger logger)
{
    /// <summary>Sends <paramref name="request"/> and waits for its answer, cancelling it as described above.</summary>
    public async Task<InvocationResult> RunAsync(StreamingMessage request, long started, CancellationToken cancellationToken, CancellationToken hostStopping)
    {
        using var abandon = new CancellationTokenSource();
        var reply = session.Channel.RequestAsync(request, "invocation:" + invocationId, abandon.Token);
        using var timeout = new CancellationTokenSource(limits.FunctionTimeout ?? Timeout.InfiniteTimeSpan);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, hostStopping, timeout.Token);
        try
        {
            return InvocationResult.From((await reply.WaitAsync(cancel.Token)).InvocationResponse, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
        }

        var timedOut = timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested && !hostStopping.IsCancellationRequested;
        if (timedOut)
        {
            // The WebJobs SDK's words, so the log reads as Azure's does.
            logger.LogError("Timeout value of {Timeout} exceeded by function '{Function}' (Id: '{Id}'). Initiating cancellation.", limits.FunctionTimeout, functionName, invocationId);
        }

        SendCancel();
        var answer = await AnswerWithinGraceAsync(reply);
        await abandon.CancelAsync();
        if (timedOut)
        {
            if (answer is null)
            {
                logger.LogWarning("A function timeout has occurred. Restarting worker process executing invocationId '{Id}'.", invocationId);
                session.Process.Kill();
            }

            return new InvocationResult(invocationId, false, $"Timeout value of {limits.FunctionTimeout} was exceeded by function: {functionName}",
                Stopwatch.GetElapsedTime(started), TimedOut: true);
        }

        if (answer is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new InvocationResult(invocationId, false, $"The host stopped before {functionName} answered.", Stopwatch.GetElapsedTime(started));
        }

        return InvocationResult.From(answer.InvocationResponse, Stopwatch.GetElapsedTime(started));
    }

    private void SendCancel()
    {
        if (session.HandlesCancel)
        {
            session.Channel.Send(new StreamingMessage
            {
                InvocationCancel = new InvocationCancel
                {
                    InvocationId = invocationId,
                    GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(limits.GracePeriod),
                },
            });
        }
    }

    private async Task<StreamingMessage?> AnswerWithinGraceAsync(Task<StreamingMessage> reply)
    {
        try
        {
            return await reply.WaitAsync(limits.GracePeriod);
        }
        catch (Exception ex) when (ex is TimeoutException or WorkerGoneException or OperationCanceledException)
        {
            return null;
        }
    }
}
