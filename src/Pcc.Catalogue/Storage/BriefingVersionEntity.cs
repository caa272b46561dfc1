namespace Pcc.Catalogue.Storage;

/// <summary>
/// Table <c>BriefingVersions</c>: PartitionKey = briefing slug, RowKey = the version number inverted and zero-padded,
/// so one partition query lists a briefing's versions newest first.
/// </summary>
public sealed class BriefingVersionEntity : EntityBase
{
    /// <summary>The RowKey of a version: newer versions sort first.</summary>
    public static string RowKeyFor(int version) => (int.MaxValue - version).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The version number.</summary>
    public int Version { get; set; }

    /// <summary>The blob name.</summary>
    public string BlobName { get; set; } = "";

    /// <summary>The blob ETag this version was read from.</summary>
    public string Etag { get; set; } = "";

    /// <summary>When it was ingested.</summary>
    public DateTimeOffset IngestedAt { get; set; }

    /// <summary>The format it was read as.</summary>
    public string Format { get; set; } = "";

    /// <summary>The briefing's title in this version.</summary>
    public string Title { get; set; } = "";

    /// <summary>Case studies in this version.</summary>
    public int CaseStudies { get; set; }

    /// <summary>Themes with at least one case study.</summary>
    public int Themes { get; set; }

    /// <summary>Case studies new in this version.</summary>
    public int New { get; set; }

    /// <summary>Case studies changed in this version.</summary>
    public int Changed { get; set; }

    /// <summary>Case studies removed in this version.</summary>
    public int Removed { get; set; }

    /// <summary>Case studies unchanged in this version.</summary>
    public int Unchanged { get; set; }

    /// <summary>Of the changed case studies, how many changed only editorially.</summary>
    public int Editorial { get; set; }

    /// <summary>The editor's change note on the upload, if any.</summary>
    public string? ChangeNote { get; set; }

    /// <summary>The editor marked the upload as corrections only.</summary>
    public bool EditorialOnly { get; set; }

    /// <summary>Uploaded by a deployment check (<c>pcc smoke</c>): left out of weekly summaries.</summary>
    public bool DeploymentCheck { get; set; }

    /// <summary>The ingest report blob's path.</summary>
    public string Report { get; set; } = "";
}
