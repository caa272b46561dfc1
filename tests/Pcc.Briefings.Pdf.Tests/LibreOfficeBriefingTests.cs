using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Pdf.Tests;

/// <summary>
/// A briefing excerpt exported by LibreOffice Writer (Fixtures/briefing-excerpt.pdf): subset TrueType fonts whose
/// codes mean nothing without their ToUnicode maps, text shown with TJ kerning, a page break before the second theme.
/// </summary>
public sealed class LibreOfficeBriefingTests
{
    private static readonly DocumentText Briefing = PdfReading.Text(Fixtures.Load("briefing-excerpt.pdf"));

    private static readonly string[] PageOne =
    [
        "Supporting the long-term recovery from the Covid-19 pandemic",
        "The COVID-19 pandemic has seen a significant surge in demand for support services across the country and",
        "lockdown measures have exacerbated existing economic and social issues. As lockdown eases, many of these",
        "challenges will endure, and PCCs will continue to be at the forefront of responding to them.",
        "Case study 1: The PCC in Warwickshire set up a fund for initiatives in the community that aided the recovery from",
        "Covid-19. One organisation in receipt of this funding is the Benn Partnership, which delivers a community project",
        "in Rugby that supports members of the Black community.",
        "Case study 2: The PCC in Sussex awarded a grant to Sussex Prisoners’ Families from the Community Safety Fund,",
        "during the pandemic, to provide a part-time community outreach worker. The charity said “supporting families",
        "makes communities safer”.",
    ];

    private static readonly string[] PageTwo =
    [
        "Reducing the harm caused by drugs",
        "According to the Government’s Drug Strategy 2017, ‘every £1 spent on drug treatment yields a £2.50 saving on the",
        "social costs of drugs, including crime’ – and treatment cut crime by a third.",
        "Case study 3: WEDINOS is a drug checking project in Wales that allows people to submit a drug sample",
        "anonymously for testing. Results and legal information are then made available through a number of online",
        "channels.",
    ];

    [Fact]
    public void EveryLineReadsAsTheDocumentShowsIt()
    {
        Assert.Equal(PageOne, LinesOfPage(1));
        Assert.Equal(PageTwo, LinesOfPage(2));
        Assert.Empty(Briefing.Warnings);
    }

    [Fact]
    public void CaseStudiesBeginLines()
    {
        var starts = Briefing.Blocks.SelectMany(b => b.Lines).Where(l => l.StartsWith("Case study ", StringComparison.Ordinal)).ToList();

        Assert.Equal(["Case study 1:", "Case study 2:", "Case study 3:"], starts.Select(l => l[..13]));
    }

    [Fact]
    public void BlocksAreLocatedByPageAndLine()
    {
        var caseStudyThree = Briefing.Blocks.Single(b => b.Lines[0].StartsWith("Case study 3:", StringComparison.Ordinal));
        var caseStudyTwo = Briefing.Blocks.Single(b => b.Lines[0].StartsWith("Case study 2:", StringComparison.Ordinal));

        Assert.Equal(SourceLocation.OnPage(2, 4), caseStudyThree.Location);
        Assert.Equal(SourceLocation.OnPage(1, 8), caseStudyTwo.Location);
    }

    [Fact]
    public void ThemeTitlesAreHeadingsAndRunningTextIsParagraphs()
    {
        Assert.Equal(
            [
                (BlockKind.Heading, "Supporting the long-term recovery from the Covid-19 pandemic"),
                (BlockKind.Paragraph, "The COVID-19 pandemic"),
                (BlockKind.Paragraph, "Case study 1:"),
                (BlockKind.Paragraph, "Case study 2:"),
                (BlockKind.Heading, "Reducing the harm caused by drugs"),
                (BlockKind.Paragraph, "According to the"),
                (BlockKind.Paragraph, "Case study 3:"),
            ],
            Briefing.Blocks.Select((b, i) => (b.Kind, b.Kind == BlockKind.Heading ? b.Text : b.Text[..Math.Min(b.Text.Length, Prefix(i))])));
    }

    [Fact]
    public void TheDocumentKeepsItsNameAndFormat()
    {
        Assert.Equal("briefing.pdf", Briefing.Name);
        Assert.Equal(Reading.DocumentFormat.Pdf, Briefing.Format);
    }

    private static int Prefix(int blockIndex) => blockIndex switch
    {
        1 => "The COVID-19 pandemic".Length,
        5 => "According to the".Length,
        _ => "Case study 1:".Length,
    };

    private static IEnumerable<string> LinesOfPage(int page) =>
        Briefing.Blocks.Where(b => b.Location.Page == page).SelectMany(b => b.Lines);
}
