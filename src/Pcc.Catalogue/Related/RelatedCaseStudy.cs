namespace Pcc.Catalogue.Related;

/// <summary>
/// A case study listed as related to another, as stored: its key, its title, the briefing that speaks for it (a slug,
/// named by its title when read) and the words the two share, most telling first.
/// </summary>
public sealed record RelatedCaseStudy(string Key, string Title, string Briefing, IReadOnlyList<string> SharedTerms);
