using Pcc.Briefings.Themes;

namespace Pcc.Briefings;

// The Open XML SDK's root namespace is also called DocumentFormat; this alias keeps the enum unambiguous.
using DocumentFormat = Pcc.Briefings.Reading.DocumentFormat;

/// <summary>A document read and understood: its title, its themes and its case studies.</summary>
/// <param name="DocumentName">The name the document was read under.</param>
/// <param name="Title">The briefing's title.</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="Themes">The themes whose sections it has (and any unlisted heading that holds case studies), in the briefing's order: list themes in this order, then the taxonomy's.</param>
/// <param name="CaseStudies">Its case studies in document order; keys are unique within the briefing.</param>
/// <param name="Warnings">What an editor may want to check: reader notes, numbering gaps, unlisted headings, no case studies.</param>
public sealed record Briefing(
    string DocumentName,
    string Title,
    DocumentFormat Format,
    IReadOnlyList<Theme> Themes,
    IReadOnlyList<CaseStudy> CaseStudies,
    IReadOnlyList<string> Warnings)
{
    /// <summary>How many footnote reference marks were removed from the text (raised or superscript marks, and mark glyphs glued to words).</summary>
    public int FootnoteMarksRemoved { get; init; }
}
