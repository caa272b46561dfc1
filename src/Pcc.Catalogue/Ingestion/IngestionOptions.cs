namespace Pcc.Catalogue.Ingestion;

/// <summary>How ingests recover from attempts that never finish (section <c>Ingestion</c>, beside the reader limits).</summary>
public sealed class IngestionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Ingestion";

    /// <summary>
    /// Attempts of one blob version that may die (their process ended before an outcome was recorded) before the
    /// version is recorded as failed and every further invocation fails, so the host moves it to the poison queue.
    /// The Functions host's own limit (<c>maxDequeueCount</c>) is 5.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// How long after its last attempt started a pending ingest counts as abandoned: digest windows stop waiting for
    /// it, and its plan is completed (or, superseded, rolled back). Far beyond any live ingest (reading is limited to
    /// seconds, the lock wait to two minutes).
    /// </summary>
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an ingest waits for the catalogue lock before failing the invocation (the host retries it).</summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromMinutes(2);
}
