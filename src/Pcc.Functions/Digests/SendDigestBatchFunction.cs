using Pcc.Notifications.Digests;
using Pcc.Notifications.Digests.FanOut;
using Pcc.Notifications.Digests.Ledger;
using Microsoft.Extensions.Options;

namespace Pcc.Functions.Digests;

/// <summary>
/// <c>SendDigestBatch</c>: one queue message per batch of a window's digests, sent in one provider request and recorded
/// in the ledger. A batch with deferred recipients is queued again, after <c>Digests:DeferredRetryDelay</c>; a message
/// that fails (storage down, a batch that does not exist) throws, so the host retries it and then moves it to
/// <c>{queue}-poison</c>.
/// </summary>
public sealed class SendDigestBatchFunction(DigestBatchSender sender, IDigestBatchDispatcher dispatcher, IOptions<DigestOptions> options, ILogger<SendDigestBatchFunction> logger)
{
    /// <summary>The function's name.</summary>
    public const string Name = "SendDigestBatch";

    /// <summary>Sends the batch the message names, unless it was sent or claimed before.</summary>
    [Function(Name)]
    public async Task RunAsync([QueueTrigger("%" + DigestQueue.Setting + "%")] string message, CancellationToken cancellationToken)
    {
        var batch = DigestBatchMessage.Parse(message);
        var outcome = await sender.SendAsync(batch, cancellationToken);
        if (outcome.SentBefore)
        {
            logger.LogInformation("{Function}: batch {Batch} of {Window} was already {State}; nothing sent.", Name, batch.Batch, batch.Window.Id, outcome.State);
        }
        else if (outcome.State == DigestBatchState.Deferred)
        {
            await dispatcher.DispatchAsync(batch, options.Value.DeferredRetryDelay, cancellationToken);
        }
    }
}
