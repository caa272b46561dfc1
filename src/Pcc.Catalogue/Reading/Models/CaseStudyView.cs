namespace Pcc.Catalogue.Reading.Models;

/// <summary>
/// A case study as the catalogue holds it now: in the words of <see cref="Briefing"/> (a slug; its title is
/// <see cref="BriefingTitle"/>), the document that speaks for it (see <c>SourcePrecedence</c>); <see cref="Sources"/> are
/// the slugs of every document that reports it, and <see cref="AlsoReportedIn"/> the others than <see cref="Briefing"/>,
/// with their titles, which readers see as "Also reported in".
/// </summary>
public sealed record CaseStudyView(string Key, int? Number, string ThemeSlug, string Theme, string Title, string Text, string? Location, string Briefing, IReadOnlyList<string> Sources, DateTimeOffset FirstSeen, DateTimeOffset LastChanged, string BriefingTitle, IReadOnlyList<BriefingName> AlsoReportedIn);
