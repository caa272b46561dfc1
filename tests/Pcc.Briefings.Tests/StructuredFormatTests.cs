using System.Text;
using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Tests;

public class StructuredFormatTests
{
    private const string Story =
        "The PCC in Warwickshire set up a fund for initiatives in the community that aided the recovery from Covid-19, " +
        "and youth workers did outreach work in places where young people were gathering.";

    [Fact]
    public void AMarkdownListOfThemeNamesDoesNotStartSections()
    {
        var markdown = $"""
            # Innovative ideas

            The headline proposals include:

            - Supporting victims of crime
            - Tackling racial inequality

            ## Recovering from the pandemic

            ### Case studies

            {Story}
            """;

        var briefing = Seeds.Parse(Encoding.UTF8.GetBytes(markdown), "ideas.md");

        Assert.Equal(["covid-recovery"], briefing.Themes.Select(t => t.Slug));
        var caseStudy = Assert.Single(briefing.CaseStudies);
        Assert.Equal("covid-recovery", caseStudy.ThemeSlug);
        Assert.Equal("line 12", caseStudy.Location.ToString());
    }

    [Fact]
    public void AnHtmlListOfThemeNamesDoesNotStartSections()
    {
        var html = $"""
            <html><body><h1>Innovative ideas</h1>
            <ul><li>Supporting victims of crime</li><li>Tackling racial inequality</li></ul>
            <h2>&#xF0A7; Recovering from the pandemic</h2>
            <div><p>Case study 1: {Story}</p></div>
            </body></html>
            """;

        var briefing = Seeds.Parse(Encoding.UTF8.GetBytes(html), "ideas.html");

        Assert.Equal(["covid-recovery"], briefing.Themes.Select(t => t.Slug));
        Assert.Equal(1, Assert.Single(briefing.CaseStudies).Number);
    }

    [Fact]
    public void WordHeadingStylesAndListItemsAreRecognised()
    {
        var docx = TestDocuments.Docx(
            ("Title", "Public Safety, Public Trust"),
            ("Heading1", "Tackling violence and exploitation"),
            (null, "Violence has fallen overall, but knife crime has risen."),
            (null, "Case study 3: " + Story),
            ("Heading1", "Supporting victims of crime"),
            (null, "Case study 4: In Dyfed-Powys, the PCC consolidated a number of separate contracts to provide advocacy services."));

        var briefing = Seeds.Parse(docx, "briefing.docx");

        Assert.Equal("Public Safety, Public Trust", briefing.Title);
        Assert.Equal([("violence-and-exploitation", 3), ("victims-of-crime", 4)], briefing.CaseStudies.Select(c => (c.ThemeSlug, c.Number!.Value)));
        Assert.Equal(SourceLocation.AtParagraph(4), briefing.CaseStudies[0].Location);
    }

    [Fact]
    public void AnUnlistedSectionHeadingIsReportedAndItsCaseStudiesKeepIt()
    {
        var text = $"Ideas for PCCs\n\nTackling fraud\n\nCase study 1: {Story}\n";

        var briefing = Seeds.Parse(Encoding.UTF8.GetBytes(text), "fraud.txt");

        var caseStudy = Assert.Single(briefing.CaseStudies);
        Assert.Equal("tackling-fraud", caseStudy.ThemeSlug);
        Assert.Contains(briefing.Warnings, w => w.Contains("'Tackling fraud' is not in the theme taxonomy"));
    }
}
