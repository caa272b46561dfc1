using Azure.Storage.Queues;
using Pcc.Platform.Storage;

namespace Pcc.LocalHost.Triggers;

/// <summary>
/// <c>{queue}-poison</c>: the messages a queue trigger gave up on after five deliveries, as the host leaves them (the
/// original text). Lists them and replays one by sending its text back to the queue and deleting it here.
/// </summary>
public sealed class TriggerPoisonQueue(QueueClient queue, QueueClient poison)
{
    /// <summary>The poison queue of <paramref name="queueName"/> in <paramref name="account"/>.</summary>
    public static TriggerPoisonQueue Create(StorageConnection account, string queueName)
    {
        ArgumentNullException.ThrowIfNull(account);
        var raw = StorageConnection.QueueOptions(QueueMessageEncoding.None);
        var queues = account.CreateQueueServiceClient(raw);
        return new TriggerPoisonQueue(queues.GetQueueClient(queueName), queues.GetQueueClient(queueName + "-poison"));
    }

    /// <summary>The poison queue's name.</summary>
    public string Name => poison.Name;

    /// <summary>Up to 32 poisoned messages: id and text (Base64, as it travels, decoded when it decodes).</summary>
    public async Task<IReadOnlyList<(string MessageId, string Text)>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!(await poison.ExistsAsync(cancellationToken)).Value)
        {
            return [];
        }

        var peeked = (await poison.PeekMessagesAsync(32, cancellationToken)).Value;
        return [.. peeked.Select(m => (m.MessageId, Decode(m.Body.ToString())))];
    }

    /// <summary>Puts a poisoned message back on its queue, unchanged; false when it is no longer in the poison queue.</summary>
    public async Task<bool> ReplayAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var peeked = (await poison.PeekMessagesAsync(32, cancellationToken)).Value.FirstOrDefault(m => m.MessageId == messageId);
        if (peeked is null)
        {
            return false;
        }

        await queue.SendMessageAsync(peeked.Body, cancellationToken: cancellationToken);
        return await QueueMessages.RemoveAsync(poison, messageId, cancellationToken);
    }

    private static string Decode(string raw)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(raw));
        }
        catch (FormatException)
        {
            return raw;
        }
    }
}
