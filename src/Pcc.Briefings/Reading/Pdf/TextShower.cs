namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// The text matrix and text line matrix of a text object (ISO 32000-1 §9.4.2) and the placing of shown glyphs:
/// each glyph is set at the text rendering matrix (§9.4.4) and moves the text matrix by its advance (§9.4.4, eq. 2).
/// </summary>
internal sealed class TextShower
{
    private Matrix _textMatrix = Matrix.Identity;
    private Matrix _lineMatrix = Matrix.Identity;

    public List<TextGlyph> Glyphs { get; } = [];

    public void BeginText() => _textMatrix = _lineMatrix = Matrix.Identity;

    public void MoveLine(double tx, double ty) => _textMatrix = _lineMatrix = Matrix.Translation(tx, ty).Then(_lineMatrix);

    public void SetMatrix(Matrix matrix) => _textMatrix = _lineMatrix = matrix;

    public (Matrix Text, Matrix Line) Save() => (_textMatrix, _lineMatrix);

    public void Restore((Matrix Text, Matrix Line) saved) => (_textMatrix, _lineMatrix) = saved;

    /// <summary>A number in a TJ array: thousandths of a unit of text space, subtracted from the position (§9.4.3).</summary>
    public void Adjust(double thousandths, GraphicsState state)
    {
        var tx = -thousandths / 1000 * state.FontSize * state.HorizontalScale;
        _textMatrix = Matrix.Translation(tx, 0).Then(_textMatrix);
    }

    public void Show(List<DecodedGlyph> glyphs, GraphicsState state)
    {
        foreach (var glyph in glyphs)
        {
            var placement = _textMatrix.Then(state.Ctm);
            var advance = (glyph.Width * state.FontSize + state.CharSpacing + (glyph.IsWordSpace ? state.WordSpacing : 0)) * state.HorizontalScale;
            // Only text running left to right along the page is laid out; rotated text (watermarks, margin notes) is left out.
            var horizontal = placement.A > 0 && Math.Abs(placement.B) <= 0.2 * placement.A;
            if (glyph.Text.Length > 0 && horizontal)
            {
                var (x, y) = placement.Transform(0, 0);
                var size = Math.Abs(state.FontSize) * placement.ScaleY;
                Glyphs.Add(new TextGlyph(glyph.Text, x, y, advance * placement.ScaleX, size, state.Font?.IsBold ?? false));
            }
            _textMatrix = Matrix.Translation(advance, 0).Then(_textMatrix);
        }
    }
}
