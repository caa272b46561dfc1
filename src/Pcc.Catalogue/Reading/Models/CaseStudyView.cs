namespace Pcc.Catalogue.Reading.Models;

/// <summary>
/// A case study as the catalogue holds it now: in the words of <see cref="Briefing"/>, the document that speaks for it
/// (see <c>SourcePrecedence</c>); <see cref="Sources"/> are every document that reports it.
/// </summary>
public sealed record CaseStudyView(string Key, int? Number, string ThemeSlug, string Theme, string Title, string Text, string? Location, string Briefing, IReadOnlyList<string> Sources, DateTimeOffset FirstSeen, DateTimeOffset LastChanged)
{
    /// <summary>The other documents that report it, which readers see as "Also reported in".</summary>
    public IReadOnlyList<string> AlsoReportedIn => [.. Sources.Where(s => s != Briefing)];
}
