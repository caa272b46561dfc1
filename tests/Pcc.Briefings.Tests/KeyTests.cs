using Pcc.Briefings.Identity;

namespace Pcc.Briefings.Tests;

public class KeyTests
{
    [Fact]
    public void AKeyIsTheThemeAndTheFirstDistinctiveWords()
    {
        Assert.Equal("drug-harm-uks-first-hat-programme", CaseStudyKey.Create("drug-harm", "The UK’s first HAT programme was initiated by the PCC"));
    }

    [Fact]
    public void TypographyAndWrappingDoNotChangeAKey()
    {
        Assert.Equal(
            CaseStudyKey.Create("victims-of-crime", "In Dyfed-Powys, the PCC consolidated"),
            CaseStudyKey.Create("victims-of-crime", "In  Dyfed–Powys,\nthe PCC  consolidated"));
    }

    [Fact]
    public void AccentsAndSymbolsBecomeSafeCharacters()
    {
        var key = CaseStudyKey.Create("Café Society", "Café owners in Zürich #1 / 50% & more");

        Assert.True(CaseStudyKey.IsValid(key), key);
        Assert.Equal("cafe-society-cafe-owners-zurich-1", key);
    }

    [Fact]
    public void ClashingKeysGetASuffix()
    {
        var used = new HashSet<string>();

        Assert.Equal(["a", "a-2", "a-3"], new[] { UniqueKeys.Claim("a", used), UniqueKeys.Claim("a", used), UniqueKeys.Claim("a", used) });
    }
}
