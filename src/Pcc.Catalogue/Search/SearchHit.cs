using Pcc.Catalogue.Reading.Models;

namespace Pcc.Catalogue.Search;

/// <summary>A case study that matched, with its title and an excerpt of its text, matches marked.</summary>
public sealed record SearchHit(CaseStudyView CaseStudy, IReadOnlyList<TextRun> Title, IReadOnlyList<TextRun> Excerpt);
