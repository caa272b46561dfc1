using System.Text.Json;
using Azure;
using Pcc.Platform.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;

namespace Pcc.LocalHost.Triggers;

/// <summary>
/// The poison queue of blob triggers, <c>webjobs-blobtrigger-poison</c>. After the fifth failed attempt on a blob
/// version the host writes one message there and a receipt for that version, so it is not tried again.
/// <para>
/// Format (the Functions host's, so tools work against either host): the queue message is base64 of UTF-8 JSON
/// <c>{"Type":"BlobTrigger","FunctionId":"Host.Functions.{Name}","BlobType":"BlockBlob","ContainerName":"…",
/// "BlobName":"…","ETag":"\"0x…\""}</c> (azure-sdk-for-net, Microsoft.Azure.WebJobs.Extensions.Storage.Blobs
/// <c>BlobTriggerMessage</c>; the ETag keeps its quotes). See <see cref="PoisonMessage"/>.
/// </para>
/// <para>
/// Replaying a message deletes the version's receipt (see <see cref="BlobReceipts"/>), so the running host's next
/// scan invokes the function again, and removes the message. If the blob has changed since, the new version was
/// triggered on its own and the replay only clears the message.
/// </para>
/// </summary>
public sealed class PoisonQueue(QueueClient queue, BlobReceipts receipts)
{
    /// <summary>The queue's name in the Functions host.</summary>
    public const string DefaultName = "webjobs-blobtrigger-poison";


    /// <summary>The poison queue of host <paramref name="hostId"/> in <paramref name="account"/>.</summary>
    public static PoisonQueue Create(StorageConnection account, string hostId, string queueName = DefaultName) =>
        new(Client(account, queueName), new BlobReceipts(account.GetBlobContainerClient(BlobReceipts.ContainerName), hostId));

    /// <summary>
    /// A base64 client for the queue. Anyone can write to it, so a message that is not base64 is skipped and made
    /// visible again at once rather than failing the listing or staying hidden.
    /// </summary>
    public static QueueClient Client(StorageConnection account, string queueName = DefaultName) =>
        account.GetQueueClient(queueName, StorageConnection.QueueOptions(QueueMessageEncoding.Base64, ReleaseUndecodableAsync));

    private static async Task ReleaseUndecodableAsync(QueueMessageDecodingFailedEventArgs args)
    {
        if (args.ReceivedMessage is { } received)
        {
            await args.Queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: args.CancellationToken);
        }
    }

    /// <summary>The queue's name.</summary>
    public string Name => queue.Name;

    /// <summary>Adds a message for a failed blob version.</summary>
    public async Task SendAsync(PoisonMessage message, CancellationToken cancellationToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queue.SendMessageAsync(JsonSerializer.Serialize(message), cancellationToken: cancellationToken);
    }

    /// <summary>The visible messages (up to 32, the service's peek limit), oldest first, without taking them.</summary>
    public async Task<IReadOnlyList<PoisonMessage>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!(await queue.ExistsAsync(cancellationToken)).Value)
        {
            return [];
        }

        var peeked = await queue.PeekMessagesAsync(32, cancellationToken);
        return peeked.Value.Select(m => Parse(m.MessageText) with { MessageId = m.MessageId }).ToList();
    }

    /// <summary>Deletes the version's receipt and removes the message; false when the message is no longer on the queue.</summary>
    public async Task<bool> ReplayAsync(PoisonMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message.MessageId, nameof(message.MessageId));
        await receipts.DeleteAsync(message.FunctionId, message.ContainerName, message.BlobName, new ETag(message.ETag), cancellationToken);
        return await RemoveAsync(message.MessageId, cancellationToken);
    }

    /// <summary>
    /// Writes the blob's current bytes back if it is still the poisoned version (If-Match its ETag), which gives it a
    /// new ETag and, in Azure, a new Event Grid event; then removes the message. A blob changed or deleted since was
    /// superseded: only the message is removed. False when the message is no longer on the queue.
    /// </summary>
    public async Task<bool> ReuploadAsync(BlobContainerClient container, PoisonMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message.MessageId, nameof(message.MessageId));
        var blob = container.GetBlobClient(message.BlobName);
        try
        {
            var conditions = new BlobRequestConditions { IfMatch = new ETag(message.ETag) };
            var current = await blob.DownloadContentAsync(conditions, cancellationToken);
            await blob.UploadAsync(current.Value.Content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = current.Value.Details.ContentType },
                Metadata = current.Value.Details.Metadata,
                Conditions = conditions,
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Deleted or replaced since it was poisoned: the newer version was triggered on its own.
        }

        return await RemoveAsync(message.MessageId, cancellationToken);
    }

    /// <summary>Reads a message's JSON.</summary>
    public static PoisonMessage Parse(string json) =>
        JsonSerializer.Deserialize<PoisonMessage>(json) ?? throw new FormatException("The poison message is empty.");

    private Task<bool> RemoveAsync(string messageId, CancellationToken cancellationToken) =>
        QueueMessages.RemoveAsync(queue, messageId, cancellationToken);
}
