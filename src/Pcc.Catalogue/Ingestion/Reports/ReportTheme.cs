namespace Pcc.Catalogue.Ingestion.Reports;

/// <summary>A theme in a report.</summary>
public sealed record ReportTheme(string Slug, string Name, int CaseStudies);
