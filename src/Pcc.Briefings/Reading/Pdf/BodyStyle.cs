namespace Pcc.Briefings.Reading.Pdf;

/// <summary>The type most of a document's text is set in, against which headings stand out.</summary>
internal sealed record BodyStyle(double FontSize, bool IsBold)
{
    public static BodyStyle Of(IEnumerable<TextLine> lines)
    {
        var weighted = lines.ToList();
        if (weighted.Count == 0)
            return new BodyStyle(10, false);
        var size = weighted.GroupBy(l => l.FontSize).MaxBy(g => g.Sum(l => l.Text.Length))!.Key;
        var boldShare = weighted.Where(l => l.IsBold).Sum(l => l.Text.Length) / (double)Math.Max(1, weighted.Sum(l => l.Text.Length));
        return new BodyStyle(size, boldShare > 0.5);
    }
}
