using Pcc.Notifications.Digests.Ledger;

namespace Pcc.Notifications.Digests;

/// <summary>
/// Cuts a window's streamed recipients into the batches of one plan: an open batch per audience, written to the ledger
/// as soon as it holds <see cref="DigestOptions.MaxRecipientsPerBatch"/> recipients, and the rest once the list ends.
/// Planning holds the open batches (as the JSON of their blobs) and each audience's rendering, never the whole list.
/// At most <see cref="DigestOptions.MaxOpenAudiences"/> audiences are held: a new one takes the place of the audience
/// that gained a recipient least recently, whose batch is written then, however few it holds, and whose rendering is
/// let go (made again should it gain another). Subscribers who follow case studies one by one make an audience each,
/// nearly; without the bound, every one of them held a batch open until the list ended, and every rendering was kept.
/// </summary>
internal sealed class DigestPlanWriter(DigestWindow window, string planId, DigestLedger ledger, DigestRenderer renderer, int maxRecipientsPerBatch, int maxOpenAudiences)
{
    // Enough writes in flight to keep the storage account busy while the list is read, few enough to bound the memory
    // of the batches being written.
    private const int MaxWritesInFlight = 4;

    // The open audiences by follow set, and in the order they last gained a recipient (most recent first).
    private readonly Dictionary<(string FollowSet, bool Minor), LinkedListNode<OpenBatch>> _open = [];
    private readonly LinkedList<OpenBatch> _recent = new();
    private readonly Queue<Task> _writes = new();

    /// <summary>How many batches the plan has so far.</summary>
    public int Batches { get; private set; }

    /// <summary>How many recipients the plan's batches hold so far, written or open.</summary>
    public int Recipients { get; private set; }

    /// <summary>Adds a recipient to their audience's open batch, writing it when it is full.</summary>
    public async Task AddAsync(DigestAudience audience, DigestRecipient recipient, CancellationToken cancellationToken)
    {
        var key = (audience.FollowSet, audience.IncludesMinorCorrections);
        if (_open.TryGetValue(key, out var node))
        {
            _recent.Remove(node);
            _recent.AddFirst(node);
        }
        else
        {
            if (_open.Count >= maxOpenAudiences)
            {
                await CloseLeastRecentAsync(cancellationToken).ConfigureAwait(false);
            }

            node = _recent.AddFirst(new OpenBatch(audience));
            _open.Add(key, node);
        }

        var open = node.Value;
        open.Recipients ??= new DigestBatchBlob();
        open.Recipients.Add(recipient);
        Recipients++;
        if (open.Recipients.Count >= maxRecipientsPerBatch)
        {
            await WriteAsync(open, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes what is still open, in the audiences' order, and waits for every write to finish.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var open in _recent.Where(o => o.Recipients is not null)
            .OrderBy(o => o.Audience.FollowSet, StringComparer.Ordinal).ThenBy(o => o.Audience.IncludesMinorCorrections))
        {
            await WriteAsync(open, cancellationToken).ConfigureAwait(false);
            // The audience's last batch: its rendering is not needed again.
            open.Content = null;
        }

        await Task.WhenAll(_writes).ConfigureAwait(false);
        _writes.Clear();
    }

    /// <summary>
    /// Waits for the writes in flight when planning stops part way, so none is left running after the run; their
    /// batches belong to a plan no run row names, and are never sent.
    /// </summary>
    public async Task AbandonAsync()
    {
        try
        {
            await Task.WhenAll(_writes).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The failure that stopped planning is the one the run reports.
        }

        _writes.Clear();
        foreach (var open in _recent)
        {
            open.Recipients?.Dispose();
        }
    }

    private async Task CloseLeastRecentAsync(CancellationToken cancellationToken)
    {
        var least = _recent.Last!;
        if (least.Value.Recipients is not null)
        {
            await WriteAsync(least.Value, cancellationToken).ConfigureAwait(false);
        }

        _recent.RemoveLast();
        _open.Remove((least.Value.Audience.FollowSet, least.Value.Audience.IncludesMinorCorrections));
    }

    private async Task WriteAsync(OpenBatch open, CancellationToken cancellationToken)
    {
        // An audience is rendered when its first batch is written; its later batches share the rendering (one closed to
        // make room is rendered again should it gain another recipient).
        open.Content ??= await renderer.RenderAsync(window, open.Audience, cancellationToken).ConfigureAwait(false);
        var recipients = open.Recipients!;
        var rowKey = DigestBatchEntity.RowKeyFor(planId, Batches++);
        var row = new DigestBatchEntity
        {
            PartitionKey = window.Id,
            RowKey = rowKey,
            ThemeSet = open.Audience.FollowSet.Length <= 1024 ? open.Audience.FollowSet : open.Audience.FollowSet[..1024],
            Blob = $"{window.Id}/{rowKey}.json",
            Recipients = recipients.Count,
            State = DigestBatchState.Pending,
        };
        open.Recipients = null;
        while (_writes.Count >= MaxWritesInFlight)
        {
            await _writes.Dequeue().ConfigureAwait(false);
        }

        _writes.Enqueue(ledger.WriteBatchAsync(row, open.Audience.FollowSet, open.Content, recipients, cancellationToken));
    }

    private sealed class OpenBatch(DigestAudience audience)
    {
        public DigestAudience Audience { get; } = audience;

        public DigestContent? Content { get; set; }

        public DigestBatchBlob? Recipients { get; set; }
    }
}
