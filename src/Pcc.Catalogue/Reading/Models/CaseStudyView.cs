namespace Pcc.Catalogue.Reading.Models;

/// <summary>A case study as the catalogue holds it now.</summary>
public sealed record CaseStudyView(string Key, int? Number, string ThemeSlug, string Theme, string Title, string Text, string? Location, string Briefing, IReadOnlyList<string> Sources, DateTimeOffset FirstSeen, DateTimeOffset LastChanged);
