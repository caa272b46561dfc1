using Pcc.Briefings.Comparison;

namespace Pcc.Briefings.Tests;

public class TypographyTests
{
    [Fact]
    public void QuoteStyleWhitespaceAndHyphenationAreNotChanges()
    {
        var original = Seeds.Parse(Seeds.Briefing, Seeds.BriefingName);
        var text = System.Text.Encoding.UTF8.GetString(Seeds.Briefing)
            .Replace('’', '\'').Replace('‘', '\'').Replace('”', '"')
            .Replace("Dyfed-Powys", "Dyfed-\nPowys")
            .Replace("to work in their street food stalls", "to  work in their\tstreet food stalls")
            .Replace("\n", "\r\n");
        var retyped = Seeds.Parse(System.Text.Encoding.UTF8.GetBytes(text), "retyped.txt");

        var comparison = CaseStudyComparer.Compare(original.CaseStudies, retyped.CaseStudies);

        Assert.False(comparison.HasChanges, string.Join("; ", comparison.Changed.Select(c => c.Describe())));
        Assert.Equal(original.CaseStudies.Select(c => c.Key), retyped.CaseStudies.Select(c => c.Key));
    }

    [Theory]
    [InlineData("homicides fall 39 per cent", "homicides fall 39 per cent", true)]
    [InlineData("the ‘centre of excellence’", "the 'centre of excellence'", true)]
    [InlineData("“quoted”", "\"quoted\"", true)]
    [InlineData("trauma-informed youth workers", "trauma- informed youth workers", false)]
    [InlineData("re-offending", "reoffending", true)]
    [InlineData("a  b\n c", "a b c", true)]
    [InlineData("homicides fall 39 per cent", "homicides fall 40 per cent", false)]
    [InlineData("Police", "police", false)]
    public void TextsAreEquivalentWhenOnlyTypographyDiffers(string first, string second, bool equivalent)
    {
        Assert.Equal(equivalent, CaseStudyComparer.AreEquivalent(first, second));
    }

    [Fact]
    public void ADiffMarksDeletedAndInsertedWordsInPlace()
    {
        var diff = TextDiff.Between("Since its creation, Scotland has seen homicides fall 39 per cent.", "Since its creation Scotland has seen homicides fall 40 per cent overall.");

        Assert.Equal("Since its [-creation,-]{+creation+} Scotland has seen homicides fall [-39-]{+40+} per [-cent.-]{+cent overall.+}", diff.Render());
    }

    [Fact]
    public void ALongDiffKeepsOnlyTheContextAroundChanges()
    {
        var before = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"w{i}"));
        var after = before.Replace("w20", "changed");

        Assert.Equal("… w17 w18 w19 [-w20-]{+changed+} w21 w22 w23 …", TextDiff.Between(before, after).Render(3));
    }
}
