using System.Globalization;
using Azure.Storage.Queues.Models;
using Pcc.Notifications.Digests.FanOut;
using Pcc.Notifications.Digests.Ledger;

namespace Pcc.DigestLoad;

/// <summary>
/// One SendDigestBatch instance: takes the queue's messages one at a time, sends each batch, deletes the message; stops
/// once the window's run is completed (the planner may still be planning when it starts).
/// </summary>
internal static class SenderRole
{
    public static async Task<int> RunAsync(BenchArguments arguments)
    {
        using var parts = new BenchParts(arguments);
        int batches = 0, sent = 0;
        var idle = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            QueueMessage[] messages = await parts.Queue.ReceiveMessagesAsync(maxMessages: 1, visibilityTimeout: TimeSpan.FromMinutes(5));
            if (messages.Length == 0)
            {
                if (await parts.Ledger.GetRunAsync(BenchArguments.Window) is { Status: DigestRunStatus.Completed })
                {
                    break;
                }

                // An empty queue is polled less and less often, up to once a second, as the Functions host's queue trigger does.
                await Task.Delay(idle);
                idle = TimeSpan.FromMilliseconds(Math.Min(idle.TotalMilliseconds * 2, 1000));
                continue;
            }

            idle = TimeSpan.FromMilliseconds(50);
            var outcome = await parts.Sender.SendAsync(DigestBatchMessage.Parse(messages[0].Body.ToString()));
            await parts.Queue.DeleteMessageAsync(messages[0].MessageId, messages[0].PopReceipt);
            batches++;
            sent += outcome.Sent;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sender batches={batches} sent={sent} peak_mib={Peak.MiB():F0} cpu_s={Peak.CpuSeconds():F1} alloc_mib={GC.GetTotalAllocatedBytes() / 1048576.0:F0}"));
        return 0;
    }
}
