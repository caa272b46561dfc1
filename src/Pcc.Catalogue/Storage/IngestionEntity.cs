using Pcc.Catalogue.Ingestion;

namespace Pcc.Catalogue.Storage;

/// <summary>
/// Table <c>Ingestions</c>: the receipt that makes ingestion idempotent per blob version. PartitionKey = briefing slug,
/// RowKey = the blob's ETag (quotes removed). Written as pending before any other write, with the version number and
/// timestamp the ingest will use, so a retried ingest reuses them and writes exactly the same rows.
/// </summary>
public sealed class IngestionEntity : EntityBase
{
    /// <summary><see cref="IngestStatus.Pending"/>, completed, failed, held or abandoned.</summary>
    public string Status { get; set; } = IngestStatus.Pending;

    /// <summary>The blob name.</summary>
    public string BlobName { get; set; } = "";

    /// <summary>The version number this ingest creates when it succeeds; 0 until one is reserved (the receipt is written earlier, to count attempts).</summary>
    public int Version { get; set; }

    /// <summary>The ingest's timestamp, fixed on first attempt.</summary>
    public DateTimeOffset IngestedAt { get; set; }

    /// <summary>The report blob's path (JSON; the text summary sits beside it with <c>.txt</c>).</summary>
    public string Report { get; set; } = "";

    /// <summary>For a failed ingest: the reason, with its location. For a held or abandoned one: why.</summary>
    public string? Error { get; set; }

    /// <summary>Attempts started, counted before the document is read, so an attempt that kills its process still counts.</summary>
    public int Attempts { get; set; }

    /// <summary>Attempts that ended (in an outcome or an exception); <see cref="Attempts"/> minus this is how many died.</summary>
    public int AttemptsEnded { get; set; }

    /// <summary>When the latest attempt started.</summary>
    public DateTimeOffset? AttemptStartedAt { get; set; }

    /// <summary>Failed because its attempts kept dying: every further invocation fails too, so the host poisons it.</summary>
    public bool Exhausted { get; set; }

    /// <summary>For a version held for review: when an editor confirmed it.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>The version that was current when this one was planned (0: none); a held version can be confirmed only while it still is.</summary>
    public int BaseVersion { get; set; }
}
