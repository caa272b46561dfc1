using System.Collections.Concurrent;
using Pcc.LocalHost.Worker.Rpc;

namespace Pcc.LocalHost.Worker;

/// <summary>
/// Writes the worker's <c>RpcLog</c> messages to the host's logs, under <c>Function.{Name}</c> for an invocation's
/// logs (as the Functions host does) and <c>Worker</c> for the rest. The worker's own report of a failed
/// invocation is left out: the host reports the failure once, with the exception from the invocation response.
/// </summary>
public sealed class WorkerLog(ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, string> _invocations = new(StringComparer.Ordinal);
    // The worker's own report of a failed invocation; the host reports it from the invocation response instead.
    private const string FailureReport = "An exception was thrown by the invocation.";

    private static readonly TimeSpan s_linger = TimeSpan.FromSeconds(10);
    private readonly ILogger _worker = loggers.CreateLogger("Worker");

    /// <summary>Logs of <paramref name="invocationId"/> are written under <paramref name="functionName"/>.</summary>
    public void Track(string invocationId, string functionName) => _invocations[invocationId] = functionName;

    /// <summary>The invocation has ended; its last logs may still be on their way, so the name is kept a little longer.</summary>
    public void Untrack(string invocationId) =>
        _ = Task.Delay(s_linger).ContinueWith(_ => _invocations.TryRemove(invocationId, out string? _), TaskScheduler.Default);

    /// <summary>The logger for a function's invocations.</summary>
    public ILogger For(string functionName) => loggers.CreateLogger($"Function.{functionName}");

    /// <summary>Writes one log message of the worker.</summary>
    public void Write(RpcLog log)
    {
        var level = log.Level switch
        {
            RpcLog.Types.Level.Trace => LogLevel.Trace,
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Information => LogLevel.Information,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            RpcLog.Types.Level.Error => LogLevel.Error,
            RpcLog.Types.Level.Critical => LogLevel.Critical,
            _ => LogLevel.None,
        };

        var function = _invocations.GetValueOrDefault(log.InvocationId);
        // Only the worker's own report of the failure is left out: a function's own logs with an exception stay.
        if (function is not null && log.Message.Contains(FailureReport, StringComparison.Ordinal))
        {
            return;
        }

        var logger = function is null ? _worker : For(function);
        if (log.Exception is { } exception)
        {
            logger.Log(level, "{Message} {Exception}", log.Message, Describe(exception));
        }
        else
        {
            logger.Log(level, "{Message}", log.Message);
        }
    }

    /// <summary>One exception as the worker reported it: type, message and stack trace.</summary>
    public static string Describe(RpcException exception) =>
        $"{exception.Type}: {exception.Message}{(exception.StackTrace.Length > 0 ? Environment.NewLine + exception.StackTrace : "")}";
}
