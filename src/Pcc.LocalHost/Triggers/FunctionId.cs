namespace Pcc.LocalHost.Triggers;

/// <summary>
/// The id the Functions host gives a function, <c>Host.Functions.{Name}</c>; it names the function's blob receipts,
/// poison messages and timer status, so a real host and this one agree on them.
/// </summary>
public static class FunctionId
{
    /// <summary>The id of the function called <paramref name="functionName"/>.</summary>
    public static string For(string functionName) => "Host.Functions." + functionName;

    /// <summary>The function name inside an id, or the id itself when it has no host prefix.</summary>
    public static string NameOf(string functionId) =>
        functionId.StartsWith("Host.Functions.", StringComparison.Ordinal) ? functionId["Host.Functions.".Length..] : functionId;
}
