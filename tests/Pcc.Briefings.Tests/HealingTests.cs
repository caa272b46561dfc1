using System.Text;
using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Tests;

public class HealingTests
{
    [Fact]
    public void AHyphenatedCompoundKeepsItsHyphenAcrossALineBreak()
    {
        var caseStudy = ParseOne("Case study 1: Redthread have trauma-\ninformed youth workers in emergency departments across London.");

        Assert.Contains("trauma-informed youth workers", caseStudy.Text);
    }

    [Fact]
    public void AWordSplitAtALineEndIsMendedWithoutItsHyphen()
    {
        var caseStudy = ParseOne("Case study 1: Community organ-\nisations work with the police. Other organisations help too.");

        Assert.StartsWith("Community organisations work", caseStudy.Text);
    }

    [Fact]
    public void AHyphenTheDocumentUsesElsewhereIsKept()
    {
        var caseStudy = ParseOne("Case study 1: People caught in the cycle of re-\noffending get help. It breaks the cycle of re-offending early.");

        Assert.StartsWith("People caught in the cycle of re-offending get help.", caseStudy.Text);
    }

    [Fact]
    public void FormFeedsGivePageNumbers()
    {
        var text = "Tackling violence and exploitation\n\nIntroductory words about violence.\n\f\nCase study 1: The Scottish Violence Reduction Unit adopted a public health approach.\n";

        var caseStudy = ParseOne(text);

        Assert.Equal(SourceLocation.OnPage(2, 7), caseStudy.Location);
        Assert.Equal("page 2, line 7", caseStudy.Location.ToString());
    }

    [Fact]
    public void PageNumbersAndGlyphLinesAreDropped()
    {
        var text = "Tackling violence and exploitation\n\nCase study 1: The Scottish Violence Reduction Unit adopted\n\n12\n\n\u2022\n\na public health approach.\n";

        Assert.Equal("The Scottish Violence Reduction Unit adopted a public health approach.", ParseOne(text).Text);
    }

    private static CaseStudy ParseOne(string text) =>
        Assert.Single(Seeds.Parse(Encoding.UTF8.GetBytes("Tackling violence and exploitation\n\n" + text), "healing.txt").CaseStudies);
}
