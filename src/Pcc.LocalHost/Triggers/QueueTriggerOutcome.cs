namespace Pcc.LocalHost.Triggers;

/// <summary>What became of one delivery of a queue message.</summary>
/// <param name="FunctionName">The function.</param>
/// <param name="Queue">The queue.</param>
/// <param name="MessageId">The message's id.</param>
/// <param name="DequeueCount">Which delivery of the message this was (1 for the first).</param>
/// <param name="Succeeded">Whether the invocation succeeded (the message was then deleted).</param>
/// <param name="Poisoned">Whether the message went to <c>{queue}-poison</c>.</param>
public sealed record QueueTriggerOutcome(string FunctionName, string Queue, string MessageId, long DequeueCount, bool Succeeded, bool Poisoned);
