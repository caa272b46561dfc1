namespace Pcc.Catalogue.Ingestion;

/// <summary>
/// Every status an ingest can have, spelled once: in its receipt (table <c>Ingestions</c>), its report and the outcome
/// the blob trigger logs. The values are stored and shown in the API, so they never change.
/// </summary>
public static class IngestStatus
{
    /// <summary>Receipt: reserved; nothing written yet beyond the receipt and perhaps the report.</summary>
    public const string Pending = "pending";

    /// <summary>Receipt: every row written.</summary>
    public const string Completed = "completed";

    /// <summary>Report and outcome: the document was read and applied.</summary>
    public const string Ingested = "ingested";

    /// <summary>The document could not be read, or stopped its process too often; the report says why.</summary>
    public const string Failed = "failed";

    /// <summary>
    /// Read, but it would empty the briefing or remove more than half of its case studies: its plan waits for an editor
    /// to confirm it, and nothing of it is in the catalogue.
    /// </summary>
    public const string Held = "held";

    /// <summary>
    /// Receipt: its last attempt started long ago and never finished (its process died) and it had no plan to complete:
    /// it no longer holds up digest windows. A later attempt of the same blob version takes it up again.
    /// </summary>
    public const string Abandoned = "abandoned";

    /// <summary>Outcome: this blob version was already handled.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Outcome: the blob is gone.</summary>
    public const string Missing = "missing";
}
