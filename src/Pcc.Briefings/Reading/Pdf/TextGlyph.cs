namespace Pcc.Briefings.Reading.Pdf;

/// <summary>A shown character placed on the page: origin on the baseline and advance, in user space units.</summary>
internal readonly record struct TextGlyph(string Text, double X, double Y, double Width, double FontSize, bool IsBold)
{
    public double EndX => X + Width;

    public bool IsSpace => string.IsNullOrWhiteSpace(Text);
}
