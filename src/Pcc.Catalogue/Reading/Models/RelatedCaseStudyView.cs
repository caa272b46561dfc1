namespace Pcc.Catalogue.Reading.Models;

/// <summary>
/// A case study related to the one shown: its key and title, the briefing that speaks for it, and the words the two
/// share that relate them, most telling first.
/// </summary>
public sealed record RelatedCaseStudyView(string Key, string Title, BriefingName Briefing, IReadOnlyList<string> SharedTerms);
