using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Pcc.LocalHost.Worker.Rpc;

namespace Pcc.LocalHost.Worker;

/// <summary>
/// The app's language worker, run as the Functions host runs it: a gRPC endpoint (HTTP/2 on loopback) the worker
/// connects to, the worker process, the handshake, and invocations. A worker that exits or drops its stream is
/// started again; an invocation it took down is retried once on the new worker when the caller allows it.
/// </summary>
public sealed class FunctionWorker : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan s_restartDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_terminateGrace = TimeSpan.FromSeconds(5);

    private readonly WebApplication _server;
    private readonly WorkerConnections _connections;
    private readonly WorkerConfig _config;
    private readonly InvocationLimits _limits;
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task<WorkerSession> _session = Task.FromException<WorkerSession>(new InvalidOperationException("The worker has not started."));
    private Task _supervising = Task.CompletedTask;
    private CancellationTokenRegistration _hostStopping;

    private FunctionWorker(WebApplication server, WorkerConnections connections, WorkerConfig config, InvocationLimits limits, IReadOnlyDictionary<string, string?> environment, WorkerLog log, ILogger logger)
    {
        _server = server;
        _connections = connections;
        _config = config;
        _limits = limits;
        _environment = environment;
        Log = log;
        _logger = logger;
    }

    /// <summary>The app's functions, as the worker described them.</summary>
    public IReadOnlyList<WorkerFunction> Functions { get; private set; } = [];

    /// <summary>Where the worker takes forwarded HTTP requests, or null when it offers none.</summary>
    public Uri? HttpUri { get; private set; }

    /// <summary>The gRPC endpoint workers connect to.</summary>
    public Uri GrpcUri { get; private set; } = null!;

    /// <summary>The worker's logs.</summary>
    public WorkerLog Log { get; }

    /// <summary>How many times the worker has been started (1 until it first crashes).</summary>
    public int Starts { get; private set; }

    /// <summary>The current worker process id (its watchdog's), for diagnostics and tests.</summary>
    public int? ProcessId => _session.IsCompletedSuccessfully ? _session.Result.Process.ProcessId : null;

    /// <summary>
    /// Starts the endpoint and the worker and waits until the worker has loaded every function. When
    /// <paramref name="cancellationToken"/> fires later, the host is stopping: invocations in flight are cancelled and
    /// a worker that ends then is not restarted.
    /// </summary>
    public static async Task<FunctionWorker> StartAsync(WorkerConfig config, IReadOnlyDictionary<string, string?> settings, InvocationLimits limits, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var connections = new WorkerConnections();
        var builder = HostServer.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(connections);
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = null;
            o.MaxSendMessageSize = null;
        });
        var server = builder.Build();
        server.MapGrpcService<WorkerRpcService>();
        await server.StartAsync(cancellationToken);

        var environment = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase)
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["FUNCTIONS_APPLICATION_DIRECTORY"] = config.AppDirectory,
        };
        var worker = new FunctionWorker(server, connections, config, limits, environment, new WorkerLog(loggers), loggers.CreateLogger("Worker"));
        worker.GrpcUri = new Uri(server.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        try
        {
            worker._session = worker.StartSessionAsync(cancellationToken);
            var session = await worker._session;
            worker.Functions = session.Functions.Values.ToList();
            worker._hostStopping = cancellationToken.Register(worker._stopping.Cancel);
            worker._supervising = Task.Run(worker.SuperviseAsync, CancellationToken.None);
            return worker;
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for a started worker (after a crash, the restarted one) and returns where it takes HTTP requests.</summary>
    public async Task<Uri?> HttpUriAsync(CancellationToken cancellationToken) => (await CurrentSessionAsync(cancellationToken)).HttpUri;

    /// <summary>
    /// Invokes <paramref name="functionName"/> with the inputs and trigger metadata <paramref name="fill"/> adds.
    /// With <paramref name="retryOnCrash"/>, an invocation lost with its worker runs once more on the restarted worker.
    /// An invocation that outruns <see cref="InvocationLimits.FunctionTimeout"/> is cancelled and fails as timed out;
    /// when <paramref name="cancellationToken"/> fires or the host stops, it is cancelled and given
    /// <see cref="InvocationLimits.GracePeriod"/> to answer (<see cref="InvocationCancellation"/>).
    /// </summary>
    public async Task<InvocationResult> InvokeAsync(string functionName, Action<InvocationRequest> fill, bool retryOnCrash, CancellationToken cancellationToken, string? invocationId = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var id = invocationId ?? Guid.NewGuid().ToString();
            var started = Stopwatch.GetTimestamp();
            var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _running[id] = running.Task;
            try
            {
                var session = await CurrentSessionAsync(cancellationToken);
                var function = session.Functions.GetValueOrDefault(functionName)
                    ?? throw new InvalidOperationException($"The worker has no function '{functionName}'.");
                var request = new InvocationRequest
                {
                    InvocationId = id,
                    FunctionId = function.FunctionId,
                    // The dotnet worker requires a trace context on every invocation (W3C traceparent).
                    TraceContext = new RpcTraceContext { TraceParent = $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01" },
                };
                fill(request);
                Log.Track(id, function.Name);
                try
                {
                    var cancellation = new InvocationCancellation(session, function.Name, id, _limits, _logger);
                    return await cancellation.RunAsync(new StreamingMessage { RequestId = id, InvocationRequest = request }, started, cancellationToken, _stopping.Token);
                }
                finally
                {
                    Log.Untrack(id);
                }
            }
            catch (WorkerGoneException ex) when (retryOnCrash && attempt == 1 && !_stopping.IsCancellationRequested)
            {
                _logger.LogWarning("{Function}: the worker ended during the invocation ({Reason}); retrying on the restarted worker", functionName, ex.Message);
                invocationId = null;
            }
            catch (WorkerGoneException ex)
            {
                return new InvocationResult(id, false, ex.Message, Stopwatch.GetElapsedTime(started));
            }
            finally
            {
                _running.TryRemove(id, out _);
                running.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Cancels the invocations in flight and waits up to <see cref="InvocationLimits.GracePeriod"/> for their answers,
    /// then asks the worker to stop (<c>WorkerTerminate</c>) and ends it and the endpoint, as the Functions host drains
    /// its workers (RpcFunctionInvocationDispatcher.ShutdownAsync, waiting up to the worker's ProcessShutdownTimeout).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _hostStopping.DisposeAsync();
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Values).WaitAsync(_limits.GracePeriod + TimeSpan.FromSeconds(1)).ContinueWith(_ => { }, TaskScheduler.Default);
        if (_session.IsCompletedSuccessfully)
        {
            var session = _session.Result;
            session.Channel.Send(new StreamingMessage
            {
                WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(s_terminateGrace) },
            });
            await session.Process.StopAsync(s_terminateGrace + TimeSpan.FromSeconds(1));
            session.Channel.Close();
            await session.Process.DisposeAsync();
        }

        await _supervising.ContinueWith(_ => { }, TaskScheduler.Default);
        await _server.StopAsync();
        await _server.DisposeAsync();
        _stopping.Dispose();
    }

    // A session whose worker has ended is replaced by the supervisor; callers wait for the replacement.
    private async Task<WorkerSession> CurrentSessionAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var session = await _session.WaitAsync(cancellationToken);
            if (!session.Ended.IsCompleted || _stopping.IsCancellationRequested)
            {
                return session;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private async Task<WorkerSession> StartSessionAsync(CancellationToken cancellationToken)
    {
        var channel = new WorkerChannel(Guid.NewGuid().ToString(), Log);
        _connections.Expect(channel);
        Starts++;
        var started = Stopwatch.GetTimestamp();
        var process = WorkerProcess.Start(_config, GrpcUri, channel.WorkerId, _environment, _logger);
        try
        {
            var session = await WorkerHandshake.RunAsync(process, channel, _config.AppDirectory, s_startTimeout, cancellationToken);
            HttpUri = session.HttpUri;
            _logger.LogInformation("Worker started in {Elapsed:0} ms with {Count} function(s)", Stopwatch.GetElapsedTime(started).TotalMilliseconds, session.Functions.Count);
            return session;
        }
        catch
        {
            channel.Close();
            _connections.Forget(channel);
            await process.DisposeAsync();
            throw;
        }
    }

    private async Task SuperviseAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            WorkerSession session;
            try
            {
                session = await _session;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
            {
                _logger.LogError("The worker could not be started again: {Reason}", ex.Message);
                await Delay(s_restartDelay);
                Restart();
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await session.Ended.WaitAsync(_stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            var code = session.Process.Exited.IsCompleted ? session.Process.Exited.Result.ToString() : "still running, stream closed";
            _logger.LogWarning("The worker ended unexpectedly (exit code {Code}); starting it again", code);
            session.Channel.Close();
            _connections.Forget(session.Channel);
            await session.Process.DisposeAsync();
            await Delay(s_restartDelay);
            Restart();
        }
    }

    private void Restart()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _session = StartSessionAsync(_stopping.Token);
        }
    }

    private async Task Delay(TimeSpan delay) => await Task.Delay(delay, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
}
