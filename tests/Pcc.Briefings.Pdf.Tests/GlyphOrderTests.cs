using Pcc.Briefings.Reading.Pdf;

namespace Pcc.Briefings.Pdf.Tests;

public sealed class GlyphOrderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GlyphsComeTopToBottomKeepingTheOrderOfOneBaselineAndNoneIsLost(bool shuffled)
    {
        var random = new Random(7);
        // Lines drawn top to bottom with a raised mark here and there (nearly in order), or drawn in any order.
        var glyphs = Enumerable.Range(0, 3000)
            .Select(i => new TextGlyph($"g{i}", i % 60, 800 - (i / 60) * 12 + (i % 37 == 0 ? 4 : 0), 5, 10, false))
            .ToArray();
        if (shuffled)
            random.Shuffle(glyphs);
        var expected = glyphs.OrderByDescending(g => g.Y).ToList();

        GlyphOrder.TopToBottom(glyphs, glyphs.Length);

        Assert.Equal(expected, glyphs);
    }
}
