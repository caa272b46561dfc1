namespace Pcc.Catalogue.Ingestion.Reports;

/// <summary>Why a document could not be read, and where.</summary>
public sealed record ReportError(string Kind, string? Location, string Message);
