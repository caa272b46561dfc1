using Pcc.Briefings.Reading.Pdf;

namespace Pcc.Briefings.Pdf.Tests;

public sealed class GlyphOrderTests
{
    [Theory]
    [InlineData("line by line")]
    [InlineData("column by column")]
    [InlineData("in any order")]
    public void GlyphsComeTopToBottomKeepingTheOrderOfOneBaselineAndNoneIsLost(string drawn)
    {
        var random = new Random(7);
        // Lines with a raised mark here and there, drawn top to bottom across the page, or the left half of every line
        // first and then the right half (two columns), or in any order.
        var glyphs = Enumerable.Range(0, 3000)
            .Select(i => new TextGlyph($"g{i}", i % 60, 800 - (i / 60) * 12 + (i % 37 == 0 ? 4 : 0), 5, 10, false))
            .ToArray();
        if (drawn == "column by column")
            glyphs = [.. glyphs.Where(g => g.X < 30), .. glyphs.Where(g => g.X >= 30)];
        if (drawn == "in any order")
            random.Shuffle(glyphs);
        var expected = glyphs.OrderByDescending(g => g.Y).ToList();

        GlyphOrder.TopToBottom(glyphs, glyphs.Length);

        Assert.Equal(expected, glyphs);
    }
}
