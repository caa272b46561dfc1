using Pcc.LocalHost.Worker;

namespace Pcc.LocalHost.Triggers;

/// <summary>What became of one blob version: invoked successfully, or sent to the poison queue.</summary>
/// <param name="FunctionName">The function.</param>
/// <param name="Container">The blob's container.</param>
/// <param name="BlobName">The blob's name.</param>
/// <param name="ETag">The version's ETag, quoted.</param>
/// <param name="Succeeded">Whether an attempt succeeded; false means the version was poisoned.</param>
/// <param name="Attempts">How many invocations were made.</param>
/// <param name="LastResult">How the last invocation ended.</param>
public sealed record BlobTriggerOutcome(string FunctionName, string Container, string BlobName, string ETag, bool Succeeded, int Attempts, InvocationResult LastResult);
