using Pcc.Briefings.Extraction;
using Pcc.Briefings.Identity;
using Pcc.Briefings.Reading;
using Pcc.Briefings.Themes;

namespace Pcc.Briefings;

/// <summary>
/// Turns a document into a <see cref="Briefing"/>: reads it, heals page furniture, hyphenation and page breaks,
/// finds its title, theme sections and case studies, and gives each case study its key and title.
/// </summary>
public sealed class BriefingParser
{
    /// <summary>Creates a parser that matches headings against <paramref name="taxonomy"/> and reads with <paramref name="reader"/>.</summary>
    /// <param name="taxonomy">The themes; <see cref="ThemeTaxonomy.Default"/> when null.</param>
    /// <param name="reader">The document reader; <see cref="BriefingReader.Default"/> when null.</param>
    public BriefingParser(ThemeTaxonomy? taxonomy = null, BriefingReader? reader = null)
    {
        Taxonomy = taxonomy ?? ThemeTaxonomy.Default;
        Reader = reader ?? BriefingReader.Default;
    }

    /// <summary>A parser with the embedded taxonomy and the built-in readers.</summary>
    public static BriefingParser Default { get; } = new();

    /// <summary>The themes headings are matched against.</summary>
    public ThemeTaxonomy Taxonomy { get; }

    /// <summary>The reader documents go through.</summary>
    public BriefingReader Reader { get; }

    /// <summary>
    /// Reads and parses a document. Never throws for bad input: unreadable documents give a failed result; a
    /// readable one without case studies is a success with a warning.
    /// </summary>
    /// <param name="content">The document's bytes.</param>
    /// <param name="documentName">The file or blob name.</param>
    /// <param name="limits">Size and time limits; <see cref="ReaderLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops reading early.</param>
    public BriefingResult Parse(ReadOnlyMemory<byte> content, string documentName, ReaderLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var read = Reader.Read(content, documentName, limits, cancellationToken);
        return read.Success ? BriefingResult.ForValue(Parse(read.Value)) : BriefingResult.ForFailure(read.Failure!);
    }

    /// <summary>Parses a document that has already been read into blocks.</summary>
    public Briefing Parse(DocumentText document)
    {
        var units = document.Blocks.Where(b => b.Lines.Count > 0 && b.Kind != BlockKind.Aside).Select(TextUnit.From).ToList();
        var runningHeader = PageFurniture.Remove(units, Taxonomy);
        var marks = document.FootnoteMarksRemoved + FootnoteMarks.Remove(units);
        units = HeadingJoiner.Join(units, Taxonomy);
        var title = BriefingTitle.Find(units, runningHeader, Taxonomy, document.Name);
        units = ParagraphHealer.Heal(HeadingJoiner.Join(HeadingSplitter.Split(units, Taxonomy), Taxonomy));

        var walker = new SectionWalker(Taxonomy, LineJoiner.For(units), title);
        walker.Walk(units);

        var caseStudies = AssignKeys(walker.Found);
        var warnings = document.Warnings.Concat(walker.Warnings).Concat(NumberingWarnings(walker.Found)).Concat(CaseStudyWarnings.For(caseStudies))
            .Concat(Asides.Describe(document.Blocks.Where(b => b.Kind == BlockKind.Aside && b.Lines.Count > 0), caseStudies)).ToList();
        if (caseStudies.Count == 0)
        {
            warnings.Add("No case studies were found. Expected paragraphs starting 'Case study N:' or a 'Case studies' section.");
        }

        var themes = walker.Sections.ToList();
        return new Briefing(document.Name, title, document.Format, themes, caseStudies, warnings) { FootnoteMarksRemoved = marks };
    }

    private static List<CaseStudy> AssignKeys(IEnumerable<FoundCaseStudy> found)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<CaseStudy>();
        foreach (var item in found)
        {
            var key = UniqueKeys.Claim(CaseStudyKey.Create(item.Theme.Slug, item.Text), used);
            result.Add(new CaseStudy(key, item.Number, item.Theme.Slug, item.Theme.Name, CaseStudyTitle.From(item.Text), item.Text, item.Location));
        }

        return result;
    }

    private static IEnumerable<string> NumberingWarnings(IReadOnlyList<FoundCaseStudy> found)
    {
        var numbered = found.Where(f => f.Number is not null).ToList();
        for (var i = 1; i < numbered.Count; i++)
        {
            var (previous, current) = (numbered[i - 1].Number!.Value, numbered[i].Number!.Value);
            if (current != previous + 1)
            {
                yield return $"Case study numbers go from {previous} to {current} ({numbered[i].Location}); check for a missing or repeated case study.";
            }
        }
    }
}
