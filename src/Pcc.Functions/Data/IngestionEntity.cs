namespace Pcc.Functions.Data;

/// <summary>
/// Table <c>Ingestions</c>: the receipt that makes ingestion idempotent per blob version. PartitionKey = briefing slug,
/// RowKey = the blob's ETag (quotes removed). Written as pending before any other write, with the version number and
/// timestamp the ingest will use, so a retried ingest reuses them and writes exactly the same rows.
/// </summary>
public sealed class IngestionEntity : EntityBase
{
    /// <summary>Reserved; nothing written yet beyond this receipt and perhaps the report.</summary>
    public const string Pending = "pending";

    /// <summary>Every row written.</summary>
    public const string Completed = "completed";

    /// <summary>The document could not be read; the report says why.</summary>
    public const string Failed = "failed";

    /// <summary>pending, completed or failed.</summary>
    public string Status { get; set; } = Pending;

    /// <summary>The blob name.</summary>
    public string BlobName { get; set; } = "";

    /// <summary>The version number this ingest creates when it succeeds.</summary>
    public int Version { get; set; }

    /// <summary>The ingest's timestamp, fixed on first attempt.</summary>
    public DateTimeOffset IngestedAt { get; set; }

    /// <summary>The report blob's path (JSON; the text summary sits beside it with <c>.txt</c>).</summary>
    public string Report { get; set; } = "";

    /// <summary>For a failed ingest: the reason, with its location.</summary>
    public string? Error { get; set; }
}
