using System.Text;

namespace Pcc.Briefings.Tests;

/// <summary>Headings that wrap stay one heading; paragraphs that run over a page break stay one paragraph.</summary>
public sealed class HeadingAndPageBreakTests
{
    private const string Body = "Case study 17: The stop and search scrutiny panel in Bedfordshire meets quarterly to scrutinise police actions.";

    [Theory]
    [InlineData("## Building trust in policing across all\n\n## communities\n\n" + Body + "\n", "wrapped.md")]
    [InlineData("<h2>Building trust in policing across all</h2><h2>communities</h2><p>" + Body + "</p>", "wrapped.html")]
    [InlineData("Building trust in policing across all\n\ncommunities\n\n" + Body + "\n", "wrapped.txt")]
    public void AHeadingWrappedOntoASecondHeadingLineIsOneTheme(string document, string name)
    {
        var briefing = Parse(document, name);

        Assert.Equal("trust-in-policing", briefing.CaseStudies.Single().ThemeSlug);
        Assert.Empty(briefing.Warnings);
    }

    [Fact]
    public void AWrappedWordHeadingIsOneTheme()
    {
        var docx = TestDocuments.Docx(("Heading2", "Supporting the long-term recovery from the"), ("Heading2", "Covid-19 pandemic"), (null, Body));

        var briefing = BriefingParser.Default.Parse(docx, "wrapped.docx").Value;

        Assert.Equal("covid-recovery", briefing.CaseStudies.Single().ThemeSlug);
    }

    [Fact]
    public void ConsecutiveThemeHeadingsStaySeparateAndAHeadingNeverSwallowsTheParagraphAfterIt()
    {
        var briefing = Parse("## Tackling violence and exploitation\n\n## Supporting victims of crime\n\n" + Body + "\n", "two.md");

        Assert.Equal(["violence-and-exploitation", "victims-of-crime"], briefing.Themes.Select(t => t.Slug));
        Assert.Equal("victims-of-crime", briefing.CaseStudies.Single().ThemeSlug);
        Assert.StartsWith("The stop and search", briefing.CaseStudies.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AParagraphRunningOverAPageBreakIntoANumberIsJoined()
    {
        var text = "Building trust in policing across all communities\n\n"
            + "Case study 16: Youth Commissions are platforms for young people aged\n\f"
            + "14-25 to influence the future of policing in their areas.\n";

        var study = Parse(text, "paged.txt").CaseStudies.Single();

        Assert.Equal("Youth Commissions are platforms for young people aged 14-25 to influence the future of policing in their areas.", study.Text);
    }

    [Fact]
    public void ABodyLineThatStartsWithANumberAfterAPageBreakIsKeptAsItsOwnParagraph()
    {
        var text = "Building trust in policing across all communities\n\n"
            + "Case study 16: Youth Commissions are platforms for young people.\n\f"
            + "2021 saw more commissions open.\n\n" + Body + "\n";

        var briefing = Parse(text, "paged.txt");

        Assert.Equal("Youth Commissions are platforms for young people.", briefing.CaseStudies[0].Text);
        Assert.StartsWith("The stop and search", briefing.CaseStudies[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PageNumbersAndAFooterThatChangesOnlyItsNumberGo()
    {
        var pages = Enumerable.Range(1, 3).Select(n =>
            $"Case study {n}: The PCC in area {n} funded a scheme for young people across the county and it\nworked well in every town.\n\nbriefing.html {n}/3\n\n{n}\n");
        var text = "Building trust in policing across all communities\n\n" + string.Join("\f", pages);

        var briefing = Parse(text, "paged.txt");

        Assert.Equal(3, briefing.CaseStudies.Count);
        Assert.All(briefing.CaseStudies, c => Assert.EndsWith("worked well in every town.", c.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void ACaseStudyCutOffMidSentenceOrFarShorterThanItsNeighboursIsWarnedAbout()
    {
        var longText = string.Join(' ', Enumerable.Repeat("The scheme brought partners together to help victims.", 8));
        var text = $"Supporting victims of crime\n\nCase study 1: {longText}\n\nCase study 2: Cut off at\n\nCase study 3: {longText}\n";

        var warnings = Parse(text, "lossy.txt").Warnings;

        Assert.Contains(warnings, w => w.StartsWith("Case study 2 (line 5) ends without a full stop", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("Case study 2 (line 5) is far shorter than the case studies around it", StringComparison.Ordinal));
    }

    private static Briefing Parse(string text, string name) => BriefingParser.Default.Parse(Encoding.UTF8.GetBytes(text), name).Value;
}
