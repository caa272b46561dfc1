namespace Pcc.Catalogue.Ingestion.Reports;

/// <summary>A changed case study in a report, with its word-level diff.</summary>
public sealed record ReportChange(ReportCaseStudy Before, ReportCaseStudy After, string Diff);
