using Pcc.LocalHost.InProcess;

namespace Pcc.LocalHost.Tests.Support;

/// <summary>A test blob function that fails its first <see cref="Failures.FailFirst"/> invocations, then succeeds.</summary>
public sealed class FlakyFunction(InvocationLog log, FlakyFunction.Failures failures) : IFunctionHandler
{
    public Task<FunctionResult> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        log.Add(invocation);
        if (Interlocked.Increment(ref failures.Calls) <= failures.FailFirst)
        {
            throw new InvalidOperationException("A transient failure, on purpose.");
        }

        return Task.FromResult(FunctionResult.WithLogs("ok"));
    }

    public sealed class Failures(int failFirst)
    {
        public int Calls;

        public int FailFirst { get; set; } = failFirst;
    }
}
