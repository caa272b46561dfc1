namespace Pcc.Functions.Tests.InProcess;

/// <summary>Runs one invocation of a non-HTTP function. Throwing fails the invocation, so the host retries it.</summary>
public interface IFunctionHandler
{
    /// <summary>Handles the invocation.</summary>
    Task<FunctionResult> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken);
}
