using Pcc.Briefings.Identity;
using Pcc.Briefings.Reading;
using Pcc.Briefings.Themes;

namespace Pcc.Briefings.Extraction;

/// <summary>
/// Walks healed headings and paragraphs in order. Theme headings open a section; a "Case studies" heading makes
/// the substantial paragraphs after it unlabelled case studies; any paragraph may hold labelled ones, each running
/// to the next label or the end of its paragraph.
/// </summary>
internal sealed class SectionWalker(ThemeTaxonomy taxonomy, LineJoiner joiner, string title)
{
    private const int MinUnlabelledLength = 120;

    private readonly List<FoundCaseStudy> _found = [];
    private readonly List<Theme> _sections = [];
    private readonly List<string> _warnings = [];
    private readonly string _titlePhrase = TextNormalizer.Phrase(title);
    private Theme _theme = Theme.Uncategorised;
    private bool _inCaseStudiesSection;

    public IReadOnlyList<FoundCaseStudy> Found => _found;

    public IReadOnlyList<Theme> Sections => _sections;

    public IReadOnlyList<string> Warnings => _warnings;

    public void Walk(IEnumerable<TextUnit> units)
    {
        foreach (var unit in units)
        {
            if (unit.Kind == BlockKind.Heading)
            {
                EnterHeading(HeadingText.Clean(joiner.Join(unit.Lines).Value));
            }
            else
            {
                ReadParagraph(unit);
            }
        }
    }

    private void EnterHeading(string heading)
    {
        // The document's own title (a cover line, or a running header seen only once) is not a section.
        if (heading.Length == 0 || TextNormalizer.Phrase(heading) == _titlePhrase)
        {
            return;
        }

        if (SectionMarkers.IsCaseStudiesHeading(heading))
        {
            _inCaseStudiesSection = true;
            return;
        }

        _inCaseStudiesSection = false;
        _theme = taxonomy.Match(heading) ?? new Theme(Slug.From(heading), heading, []) { Listed = false };
        if (_theme.Listed && !_sections.Contains(_theme))
        {
            _sections.Add(_theme);
        }
    }

    private void ReadParagraph(TextUnit unit)
    {
        // A label has a number: outside a case-studies section, a paragraph without a digit holds no case study.
        if (!_inCaseStudiesSection && !HasDigit(unit.Lines))
        {
            return;
        }

        var joined = joiner.Join(unit.Lines);
        var labels = CaseStudyLabels.Find(joined);
        if (labels.Count == 0)
        {
            var text = _inCaseStudiesSection ? ListItems.WithoutBullet(joined.Value.Trim()) : "";
            if (text.Length >= MinUnlabelledLength && !text.EndsWith(':'))
            {
                Add(null, text, unit.Location);
            }

            return;
        }

        for (var i = 0; i < labels.Count; i++)
        {
            var end = i + 1 < labels.Count ? labels[i + 1].Start : joined.Value.Length;
            var text = joined.Value.AsSpan(labels[i].End..end).Trim().ToString();
            var location = joined.LocationAt(labels[i].Start);
            if (text.Length == 0)
            {
                _warnings.Add($"Case study {labels[i].Number} ({location}) has no text and was skipped.");
                continue;
            }

            Add(labels[i].Number, text, location);
        }
    }

    private static bool HasDigit(List<UnitLine> lines)
    {
        foreach (var line in lines)
        {
            foreach (var c in line.Text)
            {
                if (char.IsDigit(c))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void Add(int? number, string text, SourceLocation location)
    {
        if (!_theme.Listed && !_sections.Contains(_theme))
        {
            _sections.Add(_theme);
            _warnings.Add(_theme == Theme.Uncategorised
                ? $"Case studies before the first theme heading ({location}) are filed under '{_theme.Slug}'."
                : $"The heading '{_theme.Name}' is not in the theme taxonomy; its case studies are filed under '{_theme.Slug}'. Add it (or an alias) to seeds/themes.json.");
        }

        _found.Add(new FoundCaseStudy(number, _theme, text, location));
    }
}
