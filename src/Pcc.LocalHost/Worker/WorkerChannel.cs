using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Pcc.LocalHost.Worker.Rpc;

namespace Pcc.LocalHost.Worker;

/// <summary>
/// The event stream of one connected worker: messages to the worker go through one writer; replies are matched to
/// their requests (init, metadata, one load per function id, one response per invocation id); the worker's logs
/// go to <see cref="WorkerLog"/>. When the stream ends every pending request fails with <see cref="WorkerGoneException"/>.
/// </summary>
public sealed class WorkerChannel(string workerId, WorkerLog log)
{
    private readonly Channel<StreamingMessage> _outbound = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The id the worker was started with (<c>--functions-worker-id</c>).</summary>
    public string WorkerId => workerId;

    /// <summary>Completes when the worker has opened its stream.</summary>
    public Task Connected => _connected.Task;

    /// <summary>Completes when the stream has ended.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Serves the worker's stream until it ends or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> requests, IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        _connected.TrySetResult();
        var writing = WriteAsync(responses, cancellationToken);
        try
        {
            while (await requests.MoveNext(cancellationToken))
            {
                Receive(requests.Current);
            }
        }
        catch (Exception ex) when (ex is IOException or Grpc.Core.RpcException or OperationCanceledException)
        {
            // The worker went away or the host is stopping: either way the stream is over.
        }
        finally
        {
            Close();
            await writing.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Sends <paramref name="message"/> and waits for the reply that <paramref name="replyKey"/> names.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage message, string replyKey, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(replyKey, reply))
        {
            throw new InvalidOperationException($"A request for '{replyKey}' is already waiting.");
        }

        try
        {
            if (_closed.Task.IsCompleted || !_outbound.Writer.TryWrite(message))
            {
                throw new WorkerGoneException($"The worker {workerId} has disconnected.");
            }

            return await reply.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _pending.TryRemove(replyKey, out _);
        }
    }

    /// <summary>Sends <paramref name="message"/> without waiting for a reply; false when the stream has ended.</summary>
    public bool Send(StreamingMessage message) => !_closed.Task.IsCompleted && _outbound.Writer.TryWrite(message);

    /// <summary>Ends the stream from the host's side.</summary>
    public void Close()
    {
        _outbound.Writer.TryComplete();
        _connected.TrySetResult();
        _closed.TrySetResult();
        foreach (var (_, pending) in _pending)
        {
            pending.TrySetException(new WorkerGoneException($"The worker {workerId} disconnected before it answered."));
        }
    }

    /// <summary>The key a reply is matched on.</summary>
    public static string? ReplyKey(StreamingMessage message) => message.ContentCase switch
    {
        StreamingMessage.ContentOneofCase.WorkerInitResponse => "init",
        StreamingMessage.ContentOneofCase.FunctionMetadataResponse => "metadata",
        StreamingMessage.ContentOneofCase.FunctionLoadResponse => "load:" + message.FunctionLoadResponse.FunctionId,
        StreamingMessage.ContentOneofCase.InvocationResponse => "invocation:" + message.InvocationResponse.InvocationId,
        _ => null,
    };

    private void Receive(StreamingMessage message)
    {
        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            log.Write(message.RpcLog);
        }
        else if (ReplyKey(message) is { } key && _pending.TryGetValue(key, out var pending))
        {
            pending.TrySetResult(message);
        }
    }

    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        await foreach (var message in _outbound.Reader.ReadAllAsync(cancellationToken))
        {
            await responses.WriteAsync(message, cancellationToken);
        }
    }
}
