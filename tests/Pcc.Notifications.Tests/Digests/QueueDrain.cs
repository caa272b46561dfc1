using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Pcc.Notifications.Digests.FanOut;

namespace Pcc.Notifications.Tests.Digests;

/// <summary>
/// Consumes a digest queue the way the Functions host does: a message stays invisible while it is handled, is deleted
/// when the handler returns, and comes back after its visibility timeout when the handler throws.
/// </summary>
internal static class QueueDrain
{
    /// <summary>Runs <paramref name="consumers"/> loops until the queue stays empty; each message goes to <paramref name="handle"/> <paramref name="deliveries"/> times.</summary>
    public static async Task<int> DrainAsync(QueueClient queue, int consumers, Func<DigestBatchMessage, Task> handle, int deliveries = 1)
    {
        var handled = 0;
        await Task.WhenAll(Enumerable.Range(0, consumers).Select(async _ =>
        {
            var idle = 0;
            while (idle < 3)
            {
                QueueMessage[] messages = await queue.ReceiveMessagesAsync(maxMessages: 4, visibilityTimeout: TimeSpan.FromSeconds(30));
                if (messages.Length == 0)
                {
                    idle++;
                    await Task.Delay(100);
                    continue;
                }

                idle = 0;
                foreach (var message in messages)
                {
                    for (var i = 0; i < deliveries; i++)
                    {
                        await handle(DigestBatchMessage.Parse(message.Body.ToString()));
                        Interlocked.Increment(ref handled);
                    }

                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
            }
        }));
        return handled;
    }
}
