using Pcc.LocalHost.Worker.Rpc;

namespace Pcc.LocalHost.Worker;

/// <summary>
/// Brings a started worker to the point where it takes invocations, in the host's order: <c>StartStream</c>
/// (the connection), <c>WorkerInitRequest</c>, <c>FunctionsMetadataRequest</c> (worker indexing: the worker says
/// which functions the app has), then one <c>FunctionLoadRequest</c> per function.
/// </summary>
public static class WorkerHandshake
{
    /// <summary>The host version sent to the worker (the Functions runtime line this host behaves like).</summary>
    public const string HostVersion = "4.1000.0";

    /// <summary>Runs the handshake; fails with the worker's own message when a step fails.</summary>
    public static async Task<WorkerSession> RunAsync(WorkerProcess process, WorkerChannel channel, string appDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var token = deadline.Token;
        try
        {
            await Task.WhenAny(channel.Connected, process.Exited).WaitAsync(token);
            if (process.Exited.IsCompleted)
            {
                var error = await process.ErrorTailAsync(TimeSpan.FromSeconds(5));
                throw new InvalidOperationException($"The worker exited with code {process.Exited.Result} before it connected; its output is in the Worker log."
                    + (error.Length > 0 ? Environment.NewLine + error : ""));
            }

            var init = (await channel.RequestAsync(Message(new StreamingMessage
            {
                WorkerInitRequest = new WorkerInitRequest { HostVersion = HostVersion, WorkerDirectory = appDirectory, FunctionAppDirectory = appDirectory },
            }), "init", token)).WorkerInitResponse;
            Check(init.Result, "The worker failed to initialise");
            var httpUri = init.Capabilities.TryGetValue("HttpUri", out var uri) && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? parsed : null;
            // As GrpcWorkerChannel: any value of the capability turns cancellation messages on.
            var handlesCancel = init.Capabilities.TryGetValue("HandlesInvocationCancelMessage", out var cancel) && !string.IsNullOrEmpty(cancel);

            var metadata = (await channel.RequestAsync(Message(new StreamingMessage
            {
                FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = appDirectory },
            }), "metadata", token)).FunctionMetadataResponse;
            Check(metadata.Result, "The worker could not describe its functions");
            var functions = metadata.FunctionMetadataResults.Select(WorkerFunction.From).ToList();

            await Task.WhenAll(functions.Select(async function =>
            {
                var load = (await channel.RequestAsync(Message(new StreamingMessage
                {
                    FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function.Metadata },
                }), "load:" + function.FunctionId, token)).FunctionLoadResponse;
                Check(load.Result, $"The worker could not load {function.Name}");
            }));

            return new WorkerSession(process, channel, functions.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase), httpUri, handlesCancel);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The worker did not complete its start within {timeout.TotalSeconds:0} s.");
        }
    }

    private static StreamingMessage Message(StreamingMessage message)
    {
        message.RequestId = Guid.NewGuid().ToString();
        return message;
    }

    private static void Check(StatusResult? result, string what)
    {
        if (result?.Status != StatusResult.Types.Status.Success)
        {
            var reason = result?.Exception is { } exception ? WorkerLog.Describe(exception) : result?.Result;
            throw new InvalidOperationException($"{what}: {reason}");
        }
    }
}
