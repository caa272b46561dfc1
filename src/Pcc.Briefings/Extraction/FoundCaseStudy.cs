using Pcc.Briefings.Reading;
using Pcc.Briefings.Themes;

namespace Pcc.Briefings.Extraction;

/// <summary>A case study as found in the text, before it gets its key and title.</summary>
internal sealed record FoundCaseStudy(int? Number, Theme Theme, string Text, SourceLocation Location);
