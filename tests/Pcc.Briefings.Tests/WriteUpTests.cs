using Pcc.Briefings.Comparison;

namespace Pcc.Briefings.Tests;

public class WriteUpTests
{
    private static readonly Briefing s_writeUp = Seeds.Parse(Seeds.WriteUp, Seeds.WriteUpName);
    private static readonly Briefing s_briefing = Seeds.Parse(Seeds.Briefing, Seeds.BriefingName);

    [Fact]
    public void TheWriteUpHasTwoUnlabelledCaseStudiesInTheCovidRecoveryTheme()
    {
        Assert.Equal("Innovative ideas for Police and Crime Commissioners", s_writeUp.Title);
        Assert.Equal(2, s_writeUp.CaseStudies.Count);
        Assert.All(s_writeUp.CaseStudies, c =>
        {
            Assert.Null(c.Number);
            Assert.Equal("covid-recovery", c.ThemeSlug);
        });
        Assert.StartsWith("The PCC in Warwickshire set up a fund", s_writeUp.CaseStudies[0].Text);
        Assert.EndsWith("makes communities safer’.", s_writeUp.CaseStudies[1].Text);
    }

    [Fact]
    public void TheWriteUpsCaseStudiesAreRecognisedAsBriefingCaseStudiesOneAndTwo()
    {
        var counterparts = CaseStudyComparer.FindCounterparts(s_writeUp.CaseStudies, s_briefing.CaseStudies);

        Assert.Equal(2, counterparts.Count);
        Assert.Equal([1, 2], counterparts.Select(c => c.Second.Number!.Value).Order());
        Assert.All(counterparts, c =>
        {
            Assert.True(c.SameKey, $"{c.First.Key} / {c.Second.Key}");
            Assert.True(c.Similarity > 0.8, $"similarity {c.Similarity}");
        });
    }

    [Fact]
    public void CaseStudiesThatDifferAreNotCounterparts()
    {
        var counterparts = CaseStudyComparer.FindCounterparts(s_writeUp.CaseStudies, s_briefing.CaseStudies.Skip(2).ToList());

        Assert.Empty(counterparts);
    }
}
