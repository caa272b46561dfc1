namespace Pcc.Catalogue.Ingestion.Reports;

/// <summary>Counts of an ingest; <see cref="Editorial"/> of the <see cref="Changed"/> case studies changed only editorially.</summary>
public sealed record ReportCounts(int CaseStudies = 0, int Themes = 0, int New = 0, int Changed = 0, int Removed = 0, int Unchanged = 0, int Editorial = 0);
