using Pcc.Briefings.Themes;
using Pcc.Testing;

namespace Pcc.Briefings.Tests;

public class ThemeTaxonomyTests
{
    [Fact]
    public void TheBuiltInTaxonomyIsTheSeedsFile()
    {
        var file = ThemeTaxonomy.LoadFile(RepositoryRoot.Combine("seeds", "themes.json"));

        Assert.Equal(file.Themes.Select(t => (t.Slug, t.Name, string.Join("|", t.Aliases))),
            ThemeTaxonomy.Default.Themes.Select(t => (t.Slug, t.Name, string.Join("|", t.Aliases))));
        Assert.Equal(7, ThemeTaxonomy.Default.Themes.Count);
    }

    [Theory]
    [InlineData(" @ Breaking the cycle of re-offending", "reoffending")]
    [InlineData(" @g@ Building trust in policing across all communities", "trust-in-policing")]
    [InlineData("\uF0A7 Supporting victims of crime", "victims-of-crime")]
    [InlineData("TACKLING RACIAL INEQUALITY", "racial-inequality")]
    [InlineData("Recovering from the pandemic\u00A0", "covid-recovery")]
    [InlineData("Breaking the cycle of reoffending", "reoffending")]
    [InlineData("Reducing the harm caused by drugs:", "drug-harm")]
    public void HeadingsMatchDespiteArtefactsCaseAndPunctuation(string heading, string slug)
    {
        Assert.Equal(slug, ThemeTaxonomy.Default.Match(heading)?.Slug);
    }

    [Theory]
    [InlineData("Introduction")]
    [InlineData("Case studies")]
    [InlineData("Supporting victims of fraud")]
    [InlineData("")]
    public void OtherHeadingsAreNotThemes(string heading)
    {
        Assert.Null(ThemeTaxonomy.Default.Match(heading));
    }

    [Fact]
    public void EditorsCanAddThemesAndAliases()
    {
        using var json = new MemoryStream("""
            { "themes": [ { "slug": "fraud", "name": "Tackling fraud", "aliases": ["Fraud and scams"] } ] }
            """u8.ToArray());

        var taxonomy = ThemeTaxonomy.Load(json);

        Assert.Equal("fraud", taxonomy.Match("Fraud and Scams")?.Slug);
    }

    [Theory]
    [InlineData("""{ "themes": [ { "slug": "Bad Slug", "name": "x" } ] }""")]
    [InlineData("""{ "themes": [ { "slug": "a", "name": "x" }, { "slug": "a", "name": "y" } ] }""")]
    [InlineData("""{ "themes": [ { "name": "x" } ] }""")]
    [InlineData("""{ "nothing": [] }""")]
    [InlineData("not json")]
    public void AnInvalidTaxonomyIsAFormatError(string json)
    {
        Assert.Throws<FormatException>(() => ThemeTaxonomy.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));
    }
}
