namespace Pcc.Catalogue.Reading.Models;

/// <summary>One ingested version of a briefing.</summary>
public sealed record BriefingVersionView(int Version, string Etag, DateTimeOffset IngestedAt, string Format, string Title, int CaseStudies, int Themes, int New, int Changed, int Removed, int Unchanged, string Report);
