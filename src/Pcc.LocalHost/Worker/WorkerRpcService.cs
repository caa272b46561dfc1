using Grpc.Core;
using Pcc.LocalHost.Worker.Rpc;

namespace Pcc.LocalHost.Worker;

/// <summary>
/// The host's side of <c>FunctionRpc.EventStream</c>: the worker's first message is <c>StartStream</c> with its
/// worker id; the stream is then handed to that worker's <see cref="WorkerChannel"/>.
/// </summary>
public sealed class WorkerRpcService(WorkerConnections connections) : FunctionRpc.FunctionRpcBase
{
    /// <inheritdoc />
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken)
            || requestStream.Current.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.InvalidArgument, "The first message must be StartStream."));
        }

        var workerId = requestStream.Current.StartStream.WorkerId;
        var channel = connections.Find(workerId)
            ?? throw new Grpc.Core.RpcException(new Status(StatusCode.NotFound, $"This host did not start a worker with id '{workerId}'."));
        await channel.RunAsync(requestStream, responseStream, context.CancellationToken);
    }
}
