namespace Pcc.Storage.Queues.Models;

/// <summary>A queue's metadata and approximate length.</summary>
public sealed class QueueProperties
{
    /// <summary>How many messages the queue holds, approximately (it may count expired and hidden messages).</summary>
    public int ApproximateMessagesCount { get; internal init; }

    /// <summary>The queue's metadata; names compare case-insensitively.</summary>
    public IDictionary<string, string> Metadata { get; internal init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
