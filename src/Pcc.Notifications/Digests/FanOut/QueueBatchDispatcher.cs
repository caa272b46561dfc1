using Azure.Storage.Queues;

namespace Pcc.Notifications.Digests.FanOut;

/// <summary>
/// Puts each batch on a storage queue as a Base64 JSON message (the encoding the Functions host's queue trigger reads
/// by default), for the <c>SendDigestBatch</c> function; a delay becomes the message's initial invisibility.
/// </summary>
public sealed class QueueBatchDispatcher(QueueClient queue) : IDigestBatchDispatcher
{
    /// <summary>The default queue name (app setting <c>DigestBatchQueue</c>).</summary>
    public const string DefaultQueueName = "digest-batches";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _created;

    /// <summary>The queue the batches go to.</summary>
    public QueueClient Queue => queue;

    /// <inheritdoc />
    public async Task<DigestBatchOutcome?> DispatchAsync(DigestBatchMessage message, TimeSpan delay = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var traced = message.TraceParent is null && System.Diagnostics.Activity.Current is { IdFormat: System.Diagnostics.ActivityIdFormat.W3C } current
            ? message with { TraceParent = current.Id }
            : message;
        await queue.SendMessageAsync(traced.ToJson(), delay > TimeSpan.Zero ? delay : null, cancellationToken: cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _created = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
