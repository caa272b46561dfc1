using System.Text;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// A ToUnicode CMap (ISO 32000-1 §9.10.3): character codes to Unicode text via bfchar and bfrange, with the
/// codespace ranges (§9.7.6.2) that say how many bytes each code takes. Also reads the codespace of an embedded
/// encoding CMap, whose cidrange mappings this reader does not need.
/// </summary>
internal sealed class ToUnicodeCMap
{
    // A hostile CMap could declare ranges covering billions of codes; past this many mappings the rest are ignored.
    private const int MaxMappings = 262_144;

    private readonly Dictionary<uint, string> _map = [];
    private readonly List<CodespaceRange> _codespaces = [];

    private ToUnicodeCMap()
    {
    }

    public IReadOnlyList<CodespaceRange> Codespaces => _codespaces;

    public int Count => _map.Count;

    public static ToUnicodeCMap Parse(byte[] data, CancellationToken cancellationToken)
    {
        var cmap = new ToUnicodeCMap();
        var instructions = 0;
        foreach (var instruction in new ContentLexer(data).ReadInstructions())
        {
            if (++instructions % 1024 == 0)
                cancellationToken.ThrowIfCancellationRequested();
            switch (instruction.Operator)
            {
                case "endcodespacerange":
                    cmap.AddCodespaces(instruction.Operands);
                    break;
                case "endbfchar":
                    cmap.AddChars(instruction.Operands);
                    break;
                case "endbfrange":
                    cmap.AddRanges(instruction.Operands);
                    break;
            }
        }
        return cmap;
    }

    public string? Lookup(uint code) => _map.TryGetValue(code, out var text) ? text : null;

    public static uint CodeOf(ReadOnlySpan<byte> bytes)
    {
        uint code = 0;
        foreach (var b in bytes[..Math.Min(bytes.Length, 4)])
            code = (code << 8) | b;
        return code;
    }

    private void AddCodespaces(IReadOnlyList<ContentOperand> operands)
    {
        for (var i = 0; i + 1 < operands.Count; i += 2)
        {
            var (low, high) = (operands[i].Bytes, operands[i + 1].Bytes);
            if (low.Length is >= 1 and <= 4 && low.Length == high.Length)
                _codespaces.Add(new CodespaceRange(low, high));
        }
    }

    private void AddChars(IReadOnlyList<ContentOperand> operands)
    {
        for (var i = 0; i + 1 < operands.Count; i += 2)
        {
            var destination = operands[i + 1];
            var text = destination.Kind == OperandKind.Name ? GlyphNames.ToUnicode(destination.Name) : Utf16(destination.Bytes);
            if (text is not null)
                Add(CodeOf(operands[i].Bytes), text);
        }
    }

    private void AddRanges(IReadOnlyList<ContentOperand> operands)
    {
        for (var i = 0; i + 2 < operands.Count; i += 3)
        {
            var low = CodeOf(operands[i].Bytes);
            var high = CodeOf(operands[i + 1].Bytes);
            var destination = operands[i + 2];
            for (uint code = low, offset = 0; code <= high && _map.Count < MaxMappings; code++, offset++)
            {
                var text = destination.Kind == OperandKind.Array
                    ? (offset < destination.Items.Count ? Utf16(destination.Items[(int)offset].Bytes) : null)
                    : Increment(Utf16(destination.Bytes), offset);
                if (text is not null)
                    Add(code, text);
                if (code == uint.MaxValue)
                    break;
            }
        }
    }

    private void Add(uint code, string text)
    {
        if (_map.Count < MaxMappings || _map.ContainsKey(code))
            _map[code] = text;
    }

    /// <summary>The destination of the n-th code in a range: the start with its last UTF-16 unit advanced by n.</summary>
    private static string? Increment(string? start, uint offset)
    {
        if (string.IsNullOrEmpty(start))
            return null;
        if (offset == 0)
            return start;
        if (start.Length >= 2 && char.IsSurrogatePair(start[^2], start[^1]))
        {
            var scalar = char.ConvertToUtf32(start[^2], start[^1]) + (int)offset;
            return scalar <= 0x10FFFF ? string.Concat(start.AsSpan(0, start.Length - 2), char.ConvertFromUtf32(scalar)) : null;
        }
        var last = start[^1] + offset;
        return last <= 0xFFFF ? string.Concat(start.AsSpan(0, start.Length - 1), ((char)last).ToString()) : null;
    }

    private static string? Utf16(byte[] bytes)
    {
        if (bytes.Length == 0)
            return null;
        if (bytes.Length == 1)
            return ((char)bytes[0]).ToString(); // Some producers write one byte where two are due.
        return Encoding.BigEndianUnicode.GetString(bytes, 0, bytes.Length & ~1);
    }
}
