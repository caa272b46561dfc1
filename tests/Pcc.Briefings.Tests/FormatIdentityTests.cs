using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Tests;

public class FormatIdentityTests
{
    private static readonly Briefing s_text = Seeds.Parse(Seeds.Fixture("briefing-part.txt"), "briefing-part.txt");

    [Theory]
    [InlineData("briefing-part.md", DocumentFormat.Markdown)]
    [InlineData("briefing-part.html", DocumentFormat.Html)]
    [InlineData("briefing-part.docx", DocumentFormat.Docx)]
    [InlineData("briefing-part.pdf", DocumentFormat.Pdf)]
    public void TheSameBriefingInAnyFormatGivesTheSameCaseStudies(string fixture, DocumentFormat format)
    {
        var other = Seeds.Parse(Seeds.Fixture(fixture), fixture);

        Assert.Equal(format, other.Format);
        Assert.Equal("Public Safety, Public Trust", other.Title);
        Assert.Equal(s_text.Themes.Select(t => t.Slug), other.Themes.Select(t => t.Slug));
        Assert.Equal(s_text.CaseStudies.Select(c => (c.Key, c.Number, c.ThemeSlug, c.Title, c.Text)),
            other.CaseStudies.Select(c => (c.Key, c.Number, c.ThemeSlug, c.Title, c.Text)));
        Assert.Empty(other.Warnings);
    }

    [Fact]
    public void ThePartOfTheBriefingHasItsFirstEightCaseStudies()
    {
        var full = Seeds.Parse(Seeds.Briefing, Seeds.BriefingName);

        Assert.Equal(DocumentFormat.Text, s_text.Format);
        Assert.Equal(full.CaseStudies.Take(8).Select(c => (c.Key, c.Text)), s_text.CaseStudies.Select(c => (c.Key, c.Text)));
    }

    [Fact]
    public void WordParagraphsAreLocatedByNumberAndHtmlByLine()
    {
        var docx = Seeds.Parse(Seeds.Fixture("briefing-part.docx"), "briefing-part.docx");
        var html = Seeds.Parse(Seeds.Fixture("briefing-part.html"), "briefing-part.html");

        Assert.NotNull(docx.CaseStudies[0].Location!.Value.Paragraph);
        Assert.StartsWith("paragraph ", docx.CaseStudies[0].Location!.Value.ToString());
        Assert.StartsWith("line ", html.CaseStudies[0].Location!.Value.ToString());
    }
}
