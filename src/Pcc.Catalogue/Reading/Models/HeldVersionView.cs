namespace Pcc.Catalogue.Reading.Models;

/// <summary>
/// A version held for review: read, but it would empty the briefing or remove more than half of its case studies, so
/// it is not published until an editor confirms it. Superseded once another version has been published.
/// </summary>
public sealed record HeldVersionView(int Version, string Etag, DateTimeOffset At, string Warning, string Report, bool Superseded, string Confirm);
