using Pcc.Briefings.Comparison;

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

    /// <summary>
    /// For a changed case study: the word-level diff as JSON pieces (<c>Pcc.Briefings.Comparison.TextDiff.ToJson()</c>);
    /// rows written before that hold its marked text. Read it with <c>TextDiff.FromStored</c>, which reads both.
    /// </summary>
    public string? Diff { get; set; }

    /// <summary>The stored <see cref="Diff"/>, whichever way it was written; null when the row has none.</summary>
    public TextDiff? ReadDiff() => string.IsNullOrWhiteSpace(Diff) ? null : TextDiff.FromStored(Diff);
}
