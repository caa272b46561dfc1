namespace Pcc.Catalogue.Storage;

/// <summary>
/// Table <c>Briefings</c>: one row per briefing (PartitionKey <c>briefing</c>, RowKey = slug), pointing at its current
/// version. All briefings sit in one partition because the list of briefings is read whole.
/// </summary>
public sealed class BriefingEntity : EntityBase
{
    /// <summary>The single partition of this table.</summary>
    public const string Partition = "briefing";

    /// <summary>The blob name the briefing is published under.</summary>
    public string BlobName { get; set; } = "";

    /// <summary>The title of the current version.</summary>
    public string Title { get; set; } = "";

    /// <summary>The current version number (1 for the first successful ingest).</summary>
    public int CurrentVersion { get; set; }

    /// <summary>The blob ETag of the current version.</summary>
    public string CurrentEtag { get; set; } = "";

    /// <summary>The format the current version was read as.</summary>
    public string Format { get; set; } = "";

    /// <summary>How many case studies the current version has.</summary>
    public int CaseStudies { get; set; }

    /// <summary>When the current version was ingested.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
