namespace Pcc.Catalogue.Storage;

/// <summary>Where the app keeps its data. Bound from the <c>Storage</c> configuration section; defaults in code.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Storage";

    /// <summary>The storage connection name, resolved as the Functions host resolves it.</summary>
    public string Connection { get; set; } = "AzureWebJobsStorage";

    /// <summary>Prepended to every table name, so several installations (or tests) can share an account.</summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>The container editors upload briefings to.</summary>
    public string BriefingsContainer { get; set; } = "briefings";

    /// <summary>The container ingest reports are written to.</summary>
    public string ReportsContainer { get; set; } = "ingest-reports";

    /// <summary>The container holding lock blobs that serialise work on one briefing.</summary>
    public string LocksContainer { get; set; } = "pcc-locks";

    /// <summary>The container weekly summaries are written to (<c>{isoWeek}.json</c> and <c>.html</c>).</summary>
    public string SummariesContainer { get; set; } = "summaries";

    /// <summary>The private container for secrets the app generates itself when none is configured (the link-signing key).</summary>
    public string SecretsContainer { get; set; } = "pcc-secrets";

    /// <summary>The container of digest batches: each batch's digest and recipients, written once when a window is planned (private: it holds their signed links).</summary>
    public string DigestBatchesContainer { get; set; } = "digest-batches";
}
