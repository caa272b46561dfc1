using Pcc.Catalogue.Ingestion.Reports;

namespace Pcc.Catalogue.Ingestion;

/// <summary>What happened to one ingest request.</summary>
/// <param name="Status">ingested, failed (unreadable document, reported), held (read, but held for review), duplicate (this blob version was already handled) or missing (the blob is gone).</param>
/// <param name="Message">One line for the invocation log.</param>
/// <param name="Report">The report, when there is one.</param>
/// <param name="ReportPath">The report's path in the reports container.</param>
public sealed record IngestionOutcome(string Status, string Message, IngestionReport? Report = null, string? ReportPath = null);
