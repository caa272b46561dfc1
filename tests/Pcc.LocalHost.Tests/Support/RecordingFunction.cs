using Pcc.LocalHost.InProcess;

namespace Pcc.LocalHost.Tests.Support;

/// <summary>A test function that records its invocations and succeeds.</summary>
public sealed class RecordingFunction(InvocationLog log) : IFunctionHandler
{
    public Task<FunctionResult> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        log.Add(invocation);
        return Task.FromResult(FunctionResult.WithLogs("recorded"));
    }
}
