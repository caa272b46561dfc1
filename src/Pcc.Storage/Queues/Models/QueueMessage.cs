namespace Pcc.Storage.Queues.Models;

/// <summary>
/// A received message, hidden from other receivers until <see cref="NextVisibleOn"/>. With base64 encoding,
/// <see cref="Body"/> is the decoded bytes; a message that is not valid base64 (written by something that did not
/// encode it) is kept as it is, so <see cref="Body"/> holds its raw text's UTF-8 bytes and <see cref="MessageText"/>
/// that text, rather than failing the whole receive.
/// </summary>
public sealed class QueueMessage
{
    /// <summary>The message's id.</summary>
    public string MessageId { get; internal init; } = string.Empty;

    /// <summary>The receipt that proves this receive; needed to delete or update the message.</summary>
    public string PopReceipt { get; internal init; } = string.Empty;

    /// <summary>The message content as bytes.</summary>
    public BinaryData Body { get; internal init; } = BinaryData.Empty;

    /// <summary>The message content as UTF-8 text.</summary>
    public string MessageText => Body.ToString();

    /// <summary>How many times the message has been received, this time included.</summary>
    public long DequeueCount { get; internal init; }

    /// <summary>When the message was added.</summary>
    public DateTimeOffset? InsertedOn { get; internal init; }

    /// <summary>When the message expires.</summary>
    public DateTimeOffset? ExpiresOn { get; internal init; }

    /// <summary>When the message becomes visible to receivers again unless deleted or updated.</summary>
    public DateTimeOffset? NextVisibleOn { get; internal init; }
}
