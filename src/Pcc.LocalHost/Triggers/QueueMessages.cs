using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Pcc.LocalHost.Triggers;

/// <summary>Removing one message by id, which the queue service allows only with a pop receipt.</summary>
internal static class QueueMessages
{
    private static readonly TimeSpan s_hold = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Receives messages until the one wanted turns up and deletes it, then makes the others visible again at once.
    /// False when it is not (or no longer) on the queue.
    /// </summary>
    public static async Task<bool> RemoveAsync(QueueClient queue, string messageId, CancellationToken cancellationToken)
    {
        var held = new List<QueueMessage>();
        var found = false;
        try
        {
            while (!found)
            {
                var batch = (await queue.ReceiveMessagesAsync(32, s_hold, cancellationToken)).Value;
                if (batch.Length == 0)
                {
                    break;
                }

                foreach (var received in batch)
                {
                    if (!found && received.MessageId == messageId)
                    {
                        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, cancellationToken);
                        found = true;
                    }
                    else
                    {
                        held.Add(received);
                    }
                }
            }
        }
        finally
        {
            foreach (var other in held)
            {
                await queue.UpdateMessageAsync(other.MessageId, other.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
            }
        }

        return found;
    }
}
