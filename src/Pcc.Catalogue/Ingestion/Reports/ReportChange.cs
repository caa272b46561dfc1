using Pcc.Briefings.Comparison;

namespace Pcc.Catalogue.Ingestion.Reports;

/// <summary>
/// A changed case study in a report, with its word-level diff (reports written before diffs were pieces hold the marked
/// text; both read) and its grade with the reason (<see cref="ChangeGrader.Rule"/>; reports written before changes were
/// graded read as substantive).
/// </summary>
public sealed record ReportChange(ReportCaseStudy Before, ReportCaseStudy After, TextDiff Diff, ChangeGrade Grade = ChangeGrade.Substantive, string? GradeReason = null);
