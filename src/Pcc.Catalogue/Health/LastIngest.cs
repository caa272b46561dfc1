namespace Pcc.Catalogue.Health;

/// <summary>The newest upload's ingest, from its receipt in <c>Ingestions</c>.</summary>
/// <param name="Briefing">The briefing's slug.</param>
/// <param name="Status">The receipt's status: pending, completed, failed, held or abandoned (see <c>IngestStatus</c>).</param>
/// <param name="At">The ingest's timestamp.</param>
public sealed record LastIngest(string Briefing, string Status, DateTimeOffset At);
