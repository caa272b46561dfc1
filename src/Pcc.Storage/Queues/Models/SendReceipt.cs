namespace Pcc.Storage.Queues.Models;

/// <summary>What the service reports about a message it has accepted.</summary>
public sealed class SendReceipt
{
    /// <summary>The message's id.</summary>
    public string MessageId { get; internal init; } = string.Empty;

    /// <summary>The receipt needed to delete or update the message before it is next received.</summary>
    public string PopReceipt { get; internal init; } = string.Empty;

    /// <summary>When the message was added.</summary>
    public DateTimeOffset InsertionTime { get; internal init; }

    /// <summary>When the message expires.</summary>
    public DateTimeOffset ExpirationTime { get; internal init; }

    /// <summary>When the message becomes visible to receivers.</summary>
    public DateTimeOffset TimeNextVisible { get; internal init; }
}
