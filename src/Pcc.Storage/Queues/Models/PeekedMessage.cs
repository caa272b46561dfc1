namespace Pcc.Storage.Queues.Models;

/// <summary>A message seen without receiving it: it stays visible and its dequeue count is unchanged.</summary>
public sealed class PeekedMessage
{
    /// <summary>The message's id.</summary>
    public string MessageId { get; internal init; } = string.Empty;

    /// <summary>The message content as bytes, decoded as for <see cref="QueueMessage.Body"/>.</summary>
    public BinaryData Body { get; internal init; } = BinaryData.Empty;

    /// <summary>The message content as UTF-8 text.</summary>
    public string MessageText => Body.ToString();

    /// <summary>How many times the message has been received.</summary>
    public long DequeueCount { get; internal init; }

    /// <summary>When the message was added.</summary>
    public DateTimeOffset? InsertedOn { get; internal init; }

    /// <summary>When the message expires.</summary>
    public DateTimeOffset? ExpiresOn { get; internal init; }
}
