namespace Pcc.Catalogue.Ingestion.Reports;

/// <summary>
/// What the system understood from one blob version: the editor-facing report, and also the plan the ingest applies.
/// It is written before any catalogue row, so a retried ingest re-applies exactly the same plan.
/// </summary>
public sealed record IngestionReport
{
    /// <summary>The blob name in the briefings container.</summary>
    public required string BlobName { get; init; }

    /// <summary>The briefing's slug.</summary>
    public required string Slug { get; init; }

    /// <summary>The blob ETag read.</summary>
    public required string Etag { get; init; }

    /// <summary>The version this ingest creates (for a failed ingest: the version it would have created).</summary>
    public required int Version { get; init; }

    /// <summary>When the ingest started.</summary>
    public required DateTimeOffset IngestedAt { get; init; }

    /// <summary><see cref="IngestStatus.Ingested"/>, <see cref="IngestStatus.Held"/> or <see cref="IngestStatus.Failed"/>.</summary>
    public required string Status { get; init; }

    /// <summary>The format the document was read as.</summary>
    public string? Format { get; init; }

    /// <summary>The document's title.</summary>
    public string? Title { get; init; }

    /// <summary>The counts an editor checks first.</summary>
    public ReportCounts Counts { get; init; } = new();

    /// <summary>The themes with case studies.</summary>
    public IReadOnlyList<ReportTheme> Themes { get; init; } = [];

    /// <summary>Every case study of this version.</summary>
    public IReadOnlyList<ReportCaseStudy> CaseStudies { get; init; } = [];

    /// <summary>Case studies not in the previous version.</summary>
    public IReadOnlyList<ReportCaseStudy> New { get; init; } = [];

    /// <summary>Case studies whose text changed, each graded editorial or substantive.</summary>
    public IReadOnlyList<ReportChange> Changed { get; init; } = [];

    /// <summary>The editor's note on why this version was uploaded, shown with its changes in digests, histories and feeds.</summary>
    public string? ChangeNote { get; init; }

    /// <summary>The editor marked this upload as corrections only: its changed case studies are editorial.</summary>
    public bool EditorialOnly { get; init; }

    /// <summary>The upload checks a deployment (<see cref="Uploads.UploadNote.DeploymentCheck"/>): its changes reach no digest.</summary>
    public bool DeploymentCheck { get; init; }

    /// <summary>How changes were graded (<see cref="Pcc.Briefings.Comparison.ChangeGrader.Rule"/>), for the editor reading the report.</summary>
    public string? GradingRule { get; init; }

    /// <summary>Case studies of the previous version that are gone.</summary>
    public IReadOnlyList<ReportCaseStudy> Removed { get; init; } = [];

    /// <summary>Keys of case studies that did not change.</summary>
    public IReadOnlyList<string> Unchanged { get; init; } = [];

    /// <summary>How many footnote reference marks were removed from the document's text.</summary>
    public int FootnoteMarksRemoved { get; init; }

    /// <summary>Problems that did not stop the ingest.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Why the document could not be read.</summary>
    public IReadOnlyList<ReportError> Errors { get; init; } = [];

    /// <summary>For a failed or held ingest: the version that stays current, if any.</summary>
    public int? CurrentVersion { get; init; }
}
