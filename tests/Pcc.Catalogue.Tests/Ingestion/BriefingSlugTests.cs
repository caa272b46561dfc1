using Pcc.Catalogue.Ingestion;

namespace Pcc.Catalogue.Tests.Ingestion;

public sealed class BriefingSlugTests
{
    [Theory]
    [InlineData("2026/Public Safety.pdf", "2026-public-safety")]
    [InlineData("Café Réseau – Évaluation.docx", "cafe-reseau-evaluation")]
    [InlineData("Straße Øresund Łódź.md", "strasse-oresund-lodz")]
    public void NamesInLatinScriptsAreTransliterated(string name, string slug) =>
        Assert.Equal(slug, BriefingSlug.FromBlobName(name));

    [Fact]
    public void NamesWithoutLatinLettersGetDistinctSlugs()
    {
        string[] names = ["日本語のブリーフィング.md", "中文简报.md", "..md", "...md", "—.txt", "brief 日本.md", "brief 中文.md", "brief.md"];

        var slugs = names.Select(BriefingSlug.FromBlobName).ToList();

        Assert.Equal(names.Length, slugs.Distinct().Count());
        Assert.All(slugs, s => Assert.True(BriefingSlug.IsWellFormed(s), s));
        Assert.Equal("brief", BriefingSlug.FromBlobName("brief.md"));
        Assert.StartsWith("brief-", BriefingSlug.FromBlobName("brief 日本.md"));
    }

    [Fact]
    public void TheSameNameAlwaysGivesTheSameSlugWhateverItsFormat()
    {
        Assert.Equal(BriefingSlug.FromBlobName("日本語のブリーフィング.md"), BriefingSlug.FromBlobName("日本語のブリーフィング.pdf"));
    }

    [Fact]
    public void LongNamesGiveShortDistinctSlugs()
    {
        var a = new string('a', 1020) + ".md";
        var b = new string('a', 1019) + "b.md";

        var (slugA, slugB) = (BriefingSlug.FromBlobName(a), BriefingSlug.FromBlobName(b));

        Assert.NotEqual(slugA, slugB);
        Assert.All([slugA, slugB], s => Assert.True(s.Length <= BriefingSlug.MaxLength && BriefingSlug.IsWellFormed(s), s));
    }
}
