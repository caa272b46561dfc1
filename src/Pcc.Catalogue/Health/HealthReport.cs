namespace Pcc.Catalogue.Health;

/// <summary>
/// What <c>GET /api/health</c> answers: whether the app reaches its storage, how deep its queues are, the last digest
/// run of each frequency and the last ingest. Names and counts only: no address, connection or subscriber in it.
/// </summary>
/// <param name="Healthy">True when tables, blobs and queues all answered.</param>
/// <param name="CheckedAt">When the readings were taken.</param>
/// <param name="Storage">Which storage services answered.</param>
/// <param name="Queues">The digest batch queue and the poison queues, by name.</param>
/// <param name="Digests">The newest run of each frequency (immediate, daily, weekly); null where none has run.</param>
/// <param name="LastIngest">The newest upload's ingest; null when nothing was uploaded (or tables did not answer).</param>
public sealed record HealthReport(
    bool Healthy,
    DateTimeOffset CheckedAt,
    StorageReachability Storage,
    IReadOnlyList<QueueDepth> Queues,
    IReadOnlyDictionary<string, LastDigestRun?> Digests,
    LastIngest? LastIngest);
