namespace Pcc.Briefings.Reading.Pdf;

/// <summary>A shown character placed on the page: origin on the baseline and advance, in user space units.</summary>
internal readonly record struct TextGlyph(string Text, double X, double Y, double Width, double FontSize, bool IsBold)
{
    /// <summary>The character(s) shown; whether they are white space is worked out once, since every step of the layout asks.</summary>
    public string Text
    {
        get;
        init
        {
            field = value;
            IsSpace = string.IsNullOrWhiteSpace(value);
        }
    } = Text;

    public double EndX => X + Width;

    public bool IsSpace { get; private init; }
}
