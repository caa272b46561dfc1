using UglyToad.PdfPig.Tokens;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Runs a page's content stream far enough to place its text (ISO 32000-1 §9.4): text objects, text state,
/// the current transformation matrix and its save/restore, and form XObjects (§8.10), recursively to a bounded depth.
/// Painting operators are ignored; images are only counted, to tell a scanned document from an empty one.
/// </summary>
internal sealed class ContentInterpreter(PdfObjects objects, FontCache fonts, Func<StreamToken, byte[]> decodeStream, CancellationToken cancellationToken)
{
    private const int MaxFormDepth = 8;
    private const int MaxSavedStates = 256;

    private readonly Stack<GraphicsState> _saved = new();
    private readonly HashSet<StreamToken> _activeForms = new(ReferenceEqualityComparer.Instance);
    private readonly List<DecodedGlyph> _decoded = [];
    private readonly TextShower _shower = new();
    private GraphicsState _state = new();
    private DictionaryToken? _resources;
    private int _instructions;

    public List<TextGlyph> Glyphs => _shower.Glyphs;

    public int ImageCount { get; private set; }

    /// <summary>Problems met on the way, worded to follow "page N: ".</summary>
    public List<string> Problems { get; } = [];

    public void Run(byte[] content, DictionaryToken? resources)
    {
        _resources = resources;
        Execute(content, depth: 0);
    }

    private void Execute(byte[] content, int depth)
    {
        foreach (var instruction in new ContentLexer(content).ReadInstructions())
        {
            if (++_instructions % 512 == 0)
                cancellationToken.ThrowIfCancellationRequested();
            Apply(instruction, depth);
        }
    }

    private void Apply(ContentInstruction instruction, int depth)
    {
        switch (instruction.Operator)
        {
            case "q":
                if (_saved.Count < MaxSavedStates)
                    _saved.Push(_state.Clone());
                break;
            case "Q":
                if (_saved.Count > 0)
                    _state = _saved.Pop();
                break;
            case "cm":
                _state.Ctm = MatrixFrom(instruction).Then(_state.Ctm);
                break;
            case "BT":
                _shower.BeginText();
                break;
            case "Tf":
                SelectFont(instruction);
                break;
            case "Tc":
                _state.CharSpacing = instruction.Number(0);
                break;
            case "Tw":
                _state.WordSpacing = instruction.Number(0);
                break;
            case "Tz":
                _state.HorizontalScale = instruction.Number(0, 100) / 100;
                break;
            case "TL":
                _state.Leading = instruction.Number(0);
                break;
            case "Ts":
                _state.Rise = instruction.Number(0);
                break;
            case "Td":
                _shower.MoveLine(instruction.Number(0), instruction.Number(1));
                break;
            case "TD":
                _state.Leading = -instruction.Number(1);
                _shower.MoveLine(instruction.Number(0), instruction.Number(1));
                break;
            case "Tm":
                _shower.SetMatrix(MatrixFrom(instruction));
                break;
            case "T*":
                _shower.MoveLine(0, -_state.Leading);
                break;
            case "Tj":
                Show(instruction.FromEnd(0));
                break;
            case "'":
                _shower.MoveLine(0, -_state.Leading);
                Show(instruction.FromEnd(0));
                break;
            case "\"":
                _state.WordSpacing = instruction.Number(0);
                _state.CharSpacing = instruction.Number(1);
                _shower.MoveLine(0, -_state.Leading);
                Show(instruction.FromEnd(0));
                break;
            case "TJ":
                ShowArray(instruction.FromEnd(0));
                break;
            case "Do":
                PaintXObject(instruction.FromEnd(0), depth);
                break;
            case "BI":
                ImageCount++;
                break;
        }
    }

    private static Matrix MatrixFrom(ContentInstruction instruction) => instruction.Operands.Count < 6
        ? Matrix.Identity
        : new Matrix(instruction.Number(0), instruction.Number(1), instruction.Number(2), instruction.Number(3), instruction.Number(4), instruction.Number(5));

    private void SelectFont(ContentInstruction instruction)
    {
        _state.FontSize = instruction.Number(1, 1);
        var name = instruction.Operands.Count > 0 ? instruction.Operands[0].Name : "";
        var font = objects.Dictionary(objects.Dictionary(_resources, "Font"), name);
        if (font is null)
        {
            _state.Font = null;
            Problems.Add($"the font /{name} is not in the page's resources; its text is skipped");
            return;
        }
        _state.Font = fonts.Get(font);
    }

    private void Show(ContentOperand? text)
    {
        if (text is null || text.Kind != OperandKind.String || _state.Font is null)
            return;
        _decoded.Clear();
        _state.Font.Decode(text.Bytes, _decoded);
        _shower.Show(_decoded, _state);
    }

    private void ShowArray(ContentOperand? array)
    {
        if (array is null || array.Kind != OperandKind.Array)
            return;
        foreach (var item in array.Items)
        {
            if (item.Kind == OperandKind.Number)
                _shower.Adjust(item.Number, _state);
            else
                Show(item);
        }
    }

    private void PaintXObject(ContentOperand? name, int depth)
    {
        if (name is null || name.Kind != OperandKind.Name)
            return;
        var xObject = objects.Stream(objects.Dictionary(_resources, "XObject"), name.Name);
        var subtype = objects.Name(xObject?.StreamDictionary, "Subtype");
        if (subtype == "Image")
            ImageCount++;
        if (xObject is null || subtype != "Form" || depth >= MaxFormDepth || !_activeForms.Add(xObject))
            return;

        var (savedState, savedResources) = (_state.Clone(), _resources);
        var savedText = _shower.Save();
        try
        {
            if (objects.Array(xObject.StreamDictionary, "Matrix") is { Length: 6 } m)
            {
                double At(int i) => objects.Number(m[i]) ?? 0;
                _state.Ctm = new Matrix(At(0), At(1), At(2), At(3), At(4), At(5)).Then(_state.Ctm);
            }
            _resources = objects.Dictionary(xObject.StreamDictionary, "Resources") ?? _resources;
            Execute(decodeStream(xObject), depth + 1);
        }
        finally
        {
            _activeForms.Remove(xObject);
            (_state, _resources) = (savedState, savedResources);
            _shower.Restore(savedText);
        }
    }
}
