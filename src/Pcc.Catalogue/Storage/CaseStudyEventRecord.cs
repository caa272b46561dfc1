namespace Pcc.Catalogue.Storage;

/// <summary>What happened to a case study in one ingest, shared by the change feed and the case study's history rows.</summary>
public abstract class CaseStudyEventRecord : CaseStudyRecord
{
    /// <summary>new, changed or removed.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The briefing slug.</summary>
    public string Briefing { get; set; } = "";

    /// <summary>The briefing version that made the change.</summary>
    public int Version { get; set; }

    /// <summary>When the change was ingested.</summary>
    public DateTimeOffset IngestedAt { get; set; }

    /// <summary>For a changed case study: the word-level diff as <c>Pcc.Briefings.Comparison.TextDiff.Render()</c> writes it.</summary>
    public string? Diff { get; set; }
}
