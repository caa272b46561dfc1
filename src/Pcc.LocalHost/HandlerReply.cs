namespace Pcc.LocalHost;

/// <summary>How the handler answered one invocation: its status and body, or why it could not be reached.</summary>
/// <param name="Status">The HTTP status, or null when the request failed.</param>
/// <param name="Body">The response body (the custom-handler <c>{"Outputs","Logs","ReturnValue"}</c> on success).</param>
/// <param name="Error">Why the request failed, when it did.</param>
public sealed record HandlerReply(int? Status, string Body, string? Error = null)
{
    /// <summary>How long the handler took to answer, as the host logs an invocation's duration.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The host counts only a 2xx answer as a successful invocation.</summary>
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>One line for logs.</summary>
    public override string ToString() => Error ?? $"{Status}: {(Body.Length > 300 ? Body[..300] + "…" : Body)}";
}
