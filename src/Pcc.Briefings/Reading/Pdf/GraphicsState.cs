namespace Pcc.Briefings.Reading.Pdf;

/// <summary>The parts of the graphics state that text extraction needs (ISO 32000-1 §8.4.1), text state included (§9.3.1).</summary>
internal sealed class GraphicsState
{
    public Matrix Ctm { get; set; } = Matrix.Identity;

    public PdfFontDecoder? Font { get; set; }

    public double FontSize { get; set; } = 1;

    public double CharSpacing { get; set; }

    public double WordSpacing { get; set; }

    /// <summary>Horizontal scaling as a fraction (Tz 100 = 1).</summary>
    public double HorizontalScale { get; set; } = 1;

    public double Leading { get; set; }

    public double Rise { get; set; }

    public GraphicsState Clone() => (GraphicsState)MemberwiseClone();
}
