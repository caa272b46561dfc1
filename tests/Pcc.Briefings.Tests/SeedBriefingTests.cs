using Pcc.Briefings.Identity;
using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Tests;

public class SeedBriefingTests
{
    private static readonly Briefing s_briefing = Seeds.Parse(Seeds.Briefing, Seeds.BriefingName);

    [Fact]
    public void TheSeedBriefingHasTwentyCaseStudiesInSevenThemes()
    {
        Assert.Equal(Enumerable.Range(1, 20), s_briefing.CaseStudies.Select(c => c.Number!.Value));
        Assert.Equal(
            ["covid-recovery", "violence-and-exploitation", "victims-of-crime", "drug-harm", "reoffending", "trust-in-policing", "racial-inequality"],
            s_briefing.Themes.Select(t => t.Slug));
        Assert.Empty(s_briefing.Warnings);
    }

    [Theory]
    [InlineData(1, "covid-recovery")]
    [InlineData(2, "covid-recovery")]
    [InlineData(3, "violence-and-exploitation")]
    [InlineData(4, "violence-and-exploitation")]
    [InlineData(5, "violence-and-exploitation")]
    [InlineData(6, "victims-of-crime")]
    [InlineData(7, "victims-of-crime")]
    [InlineData(8, "victims-of-crime")]
    [InlineData(9, "drug-harm")]
    [InlineData(10, "drug-harm")]
    [InlineData(11, "drug-harm")]
    [InlineData(12, "reoffending")]
    [InlineData(13, "reoffending")]
    [InlineData(14, "reoffending")]
    [InlineData(15, "trust-in-policing")]
    [InlineData(16, "trust-in-policing")]
    [InlineData(17, "trust-in-policing")]
    [InlineData(18, "racial-inequality")]
    [InlineData(19, "racial-inequality")]
    [InlineData(20, "racial-inequality")]
    public void EveryCaseStudyIsFiledUnderTheThemeOfItsSection(int number, string themeSlug)
    {
        var caseStudy = s_briefing.CaseStudies.Single(c => c.Number == number);
        Assert.Equal(themeSlug, caseStudy.ThemeSlug);
        Assert.Equal(s_briefing.Themes.Single(t => t.Slug == themeSlug).Name, caseStudy.ThemeName);
    }

    [Fact]
    public void ACaseStudyThatStartsMidParagraphBeginsAtItsLabel()
    {
        var caseStudy = s_briefing.CaseStudies.Single(c => c.Number == 3);
        Assert.StartsWith("The Scottish Violence Reduction Unit, initially created", caseStudy.Text);
        Assert.EndsWith("seen homicides fall 39 per cent over the last decade.", caseStudy.Text);
        Assert.Equal(SourceLocation.AtLine(70), caseStudy.Location);
    }

    [Fact]
    public void ACaseStudySplitByAPageBreakIsJoinedAgain()
    {
        var caseStudy = s_briefing.CaseStudies.Single(c => c.Number == 6);
        Assert.StartsWith("Restorative Gloucestershire, which", caseStudy.Text);
        Assert.Contains("embed restorative practice across a range of partner agencies", caseStudy.Text);
        Assert.EndsWith("which can increase the number of referrals.", caseStudy.Text);
    }

    [Fact]
    public void ACaseStudyWithBlankLinesBetweenItsLinesStopsBeforeTheNextHeading()
    {
        var caseStudy = s_briefing.CaseStudies.Single(c => c.Number == 11);
        Assert.StartsWith("The UK’s first HAT programme was initiated by the PCC for Cleveland and is based in Middlesbrough.", caseStudy.Text);
        Assert.EndsWith("attendance rates at the programme were running at 98%.", caseStudy.Text);
        Assert.DoesNotContain("Breaking the cycle", caseStudy.Text);
    }

    [Fact]
    public void CaseStudiesEndBeforeTheNextOrdinaryParagraph()
    {
        var first = s_briefing.CaseStudies.Single(c => c.Number == 1);
        Assert.EndsWith("places where young people were gathering.", first.Text);
        var eight = s_briefing.CaseStudies.Single(c => c.Number == 8);
        Assert.Equal(
            "The Warwickshire PCC coordinates the Warwickshire Hate Crime Partnership, which brings together representatives from a number of statutory, voluntary and community organisations. A partnership website also provides information and advice on hate crime, as well as allowing the reporting of incidents in Warwickshire.",
            eight.Text);
    }

    [Fact]
    public void RunningHeadersAndGlyphLinesAreNotPartOfAnyText()
    {
        Assert.All(s_briefing.CaseStudies, c => Assert.DoesNotContain("Public Safety, Public Trust", c.Text));
        Assert.Equal("Public Safety, Public Trust", s_briefing.Title);
    }

    [Fact]
    public void KeysAreUniqueAndSafeForUrlsAndTableKeys()
    {
        Assert.Equal(20, s_briefing.CaseStudies.Select(c => c.Key).Distinct().Count());
        Assert.All(s_briefing.CaseStudies, c => Assert.True(CaseStudyKey.IsValid(c.Key), c.Key));
        Assert.Equal("violence-and-exploitation-scottish-violence-reduction-unit", s_briefing.CaseStudies[2].Key);
    }

    [Fact]
    public void TitlesAreShortAndEndAtAWordBoundary()
    {
        Assert.All(s_briefing.CaseStudies, c => Assert.InRange(c.Title.Length, 10, 91));
        Assert.Equal("The Scottish Violence Reduction Unit", s_briefing.CaseStudies[2].Title);
        Assert.Equal("Restorative Gloucestershire", s_briefing.CaseStudies[5].Title);
    }
}
