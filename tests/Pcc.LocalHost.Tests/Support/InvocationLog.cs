using System.Collections.Concurrent;
using Pcc.LocalHost.InProcess;

namespace Pcc.LocalHost.Tests.Support;

/// <summary>Every invocation the test functions received, in order, shared between a test and its Function App.</summary>
public sealed class InvocationLog
{
    private readonly ConcurrentQueue<FunctionInvocation> _invocations = new();

    public IReadOnlyList<FunctionInvocation> Of(string functionName) =>
        _invocations.Where(i => i.FunctionName == functionName).ToList();

    public void Add(FunctionInvocation invocation) => _invocations.Enqueue(invocation);

    /// <summary>Waits until <paramref name="functionName"/> has at least <paramref name="count"/> invocations.</summary>
    public async Task<IReadOnlyList<FunctionInvocation>> WaitForAsync(string functionName, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Of(functionName).Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{functionName} was invoked {Of(functionName).Count} time(s), not {count}.");
            }

            await Task.Delay(25);
        }

        return Of(functionName);
    }
}
