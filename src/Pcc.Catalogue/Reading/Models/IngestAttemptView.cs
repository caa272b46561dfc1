namespace Pcc.Catalogue.Reading.Models;

/// <summary>An upload of a briefing that could not be read; the current version stayed as it was.</summary>
public sealed record IngestAttemptView(string Etag, DateTimeOffset At, string Error, string Report);
