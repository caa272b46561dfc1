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

    /// <summary>
    /// <c>substantive</c> or <c>editorial</c> (<see cref="ChangeGrader"/>); new and removed case studies are substantive.
    /// Rows written before changes were graded have none and read as substantive.
    /// </summary>
    public string? Grade { get; set; }

    /// <summary>The editor's change note on the upload that made the change, if any.</summary>
    public string? Note { get; set; }

    /// <summary>The stored <see cref="Diff"/>, whichever way it was written; null when the row has none.</summary>
    public TextDiff? ReadDiff() => string.IsNullOrWhiteSpace(Diff) ? null : TextDiff.FromStored(Diff);

    /// <summary>The stored <see cref="Grade"/>; substantive when the row has none.</summary>
    public ChangeGrade ReadGrade() => Grade == "editorial" ? ChangeGrade.Editorial : ChangeGrade.Substantive;

    /// <summary>The stored form of a grade.</summary>
    public static string GradeName(ChangeGrade grade) => grade == ChangeGrade.Editorial ? "editorial" : "substantive";
}
