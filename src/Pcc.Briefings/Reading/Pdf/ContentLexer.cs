using System.Globalization;
using System.Text;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Splits a content stream or CMap into operators with their operands (ISO 32000-1 §7.2 lexical conventions, §7.8.2).
/// Written here rather than taken from PdfPig's content parser because text extraction needs each string's raw
/// bytes: the character codes are only meaningful through the font, so a string must not be turned into text early.
/// Malformed input never throws: stray bytes are skipped and unclosed constructs end at the end of the data.
/// </summary>
internal sealed class ContentLexer(byte[] data)
{
    private const int MaxOperands = 65_536;
    private const int MaxNesting = 64;

    private readonly byte[] _data = data;
    private readonly List<ContentOperand> _operands = [];
    private readonly List<(bool IsArray, int Start)> _open = [];
    private int _position;

    public IEnumerable<ContentInstruction> ReadInstructions()
    {
        while (SkipWhiteSpaceAndComments())
        {
            var b = _data[_position];
            switch (b)
            {
                case (byte)'/':
                    _position++;
                    Push(ContentOperand.ForName(ReadName()));
                    break;
                case (byte)'(':
                    _position++;
                    Push(ContentOperand.ForString(ReadLiteralString()));
                    break;
                case (byte)'<' when Peek(1) == '<':
                    _position += 2;
                    Open(isArray: false);
                    break;
                case (byte)'<':
                    _position++;
                    Push(ContentOperand.ForString(ReadHexString()));
                    break;
                case (byte)'>' when Peek(1) == '>':
                    _position += 2;
                    Close(isArray: false);
                    break;
                case (byte)'[':
                    _position++;
                    Open(isArray: true);
                    break;
                case (byte)']':
                    _position++;
                    Close(isArray: true);
                    break;
                case (byte)'+' or (byte)'-' or (byte)'.' or (>= (byte)'0' and <= (byte)'9'):
                    Push(ContentOperand.ForNumber(ReadNumber()));
                    break;
                default:
                    if (IsDelimiter(b))
                    {
                        _position++; // ')', '>', '{', '}' out of place: skip.
                        break;
                    }
                    var keyword = ReadKeyword();
                    if (keyword is "true" or "false" or "null")
                    {
                        Push(ContentOperand.ForKeyword(keyword));
                        break;
                    }
                    if (keyword == "BI")
                        SkipInlineImage();
                    yield return new ContentInstruction(keyword, TakeOperands());
                    break;
            }
        }
    }

    private int Peek(int offset) => _position + offset < _data.Length ? _data[_position + offset] : -1;

    private void Push(ContentOperand operand)
    {
        if (_operands.Count >= MaxOperands)
        {
            _operands.Clear();
            _open.Clear();
        }
        _operands.Add(operand);
    }

    private void Open(bool isArray)
    {
        if (_open.Count >= MaxNesting)
            return;
        _open.Add((isArray, _operands.Count));
    }

    private void Close(bool isArray)
    {
        if (_open.Count == 0 || _open[^1].IsArray != isArray)
            return;
        var start = _open[^1].Start;
        _open.RemoveAt(_open.Count - 1);
        var items = _operands.GetRange(start, _operands.Count - start).ToArray();
        _operands.RemoveRange(start, _operands.Count - start);
        _operands.Add(isArray ? ContentOperand.ForArray(items) : ContentOperand.ForDictionary(items));
    }

    private ContentOperand[] TakeOperands()
    {
        // An operator inside an unclosed array or dictionary means the stream is malformed; the operands still count.
        _open.Clear();
        var operands = _operands.ToArray();
        _operands.Clear();
        return operands;
    }

    private bool SkipWhiteSpaceAndComments()
    {
        while (_position < _data.Length)
        {
            var b = _data[_position];
            if (IsWhiteSpace(b))
                _position++;
            else if (b == '%')
                while (_position < _data.Length && _data[_position] is not ((byte)'\r' or (byte)'\n'))
                    _position++;
            else
                return true;
        }
        return false;
    }

    private string ReadName()
    {
        var name = new StringBuilder();
        while (_position < _data.Length && !IsWhiteSpace(_data[_position]) && !IsDelimiter(_data[_position]))
        {
            var b = _data[_position++];
            if (b == '#' && HexValue(Peek(0)) >= 0 && HexValue(Peek(1)) >= 0)
            {
                b = (byte)(HexValue(_data[_position]) * 16 + HexValue(_data[_position + 1]));
                _position += 2;
            }
            name.Append((char)b);
        }
        return name.ToString();
    }

    private byte[] ReadLiteralString()
    {
        var bytes = new List<byte>();
        var depth = 0;
        while (_position < _data.Length)
        {
            var b = _data[_position++];
            switch (b)
            {
                case (byte)'(':
                    depth++;
                    bytes.Add(b);
                    break;
                case (byte)')' when depth == 0:
                    return [.. bytes];
                case (byte)')':
                    depth--;
                    bytes.Add(b);
                    break;
                case (byte)'\\':
                    ReadEscape(bytes);
                    break;
                case (byte)'\r':
                    // §7.3.4.2: an end-of-line marker inside a string is read as a single line feed.
                    if (Peek(0) == '\n')
                        _position++;
                    bytes.Add((byte)'\n');
                    break;
                default:
                    bytes.Add(b);
                    break;
            }
        }
        return [.. bytes];
    }

    private void ReadEscape(List<byte> bytes)
    {
        if (_position >= _data.Length)
            return;
        var b = _data[_position++];
        switch (b)
        {
            case (byte)'n': bytes.Add((byte)'\n'); break;
            case (byte)'r': bytes.Add((byte)'\r'); break;
            case (byte)'t': bytes.Add((byte)'\t'); break;
            case (byte)'b': bytes.Add((byte)'\b'); break;
            case (byte)'f': bytes.Add((byte)'\f'); break;
            case (byte)'\r':
                if (Peek(0) == '\n')
                    _position++;
                break; // A backslash before an end of line continues the string on the next line.
            case (byte)'\n':
                break;
            case >= (byte)'0' and <= (byte)'7':
                var value = b - '0';
                for (var i = 0; i < 2 && Peek(0) is >= '0' and <= '7'; i++)
                    value = value * 8 + (_data[_position++] - '0');
                bytes.Add((byte)value);
                break;
            default:
                bytes.Add(b); // \( \) \\ and any other escaped byte stand for themselves.
                break;
        }
    }

    private byte[] ReadHexString()
    {
        var bytes = new List<byte>();
        var high = -1;
        while (_position < _data.Length)
        {
            var b = _data[_position++];
            if (b == '>')
                break;
            var value = HexValue(b);
            if (value < 0)
                continue;
            if (high < 0)
                high = value;
            else
            {
                bytes.Add((byte)(high * 16 + value));
                high = -1;
            }
        }
        if (high >= 0)
            bytes.Add((byte)(high * 16)); // §7.3.4.3: a missing final digit is taken as 0.
        return [.. bytes];
    }

    private double ReadNumber()
    {
        var start = _position;
        while (_position < _data.Length && _data[_position] is (byte)'+' or (byte)'-')
            _position++;
        var signs = _position - start;
        var digitsStart = _position;
        var seenPoint = false;
        while (_position < _data.Length)
        {
            var b = _data[_position];
            if (b is >= (byte)'0' and <= (byte)'9')
                _position++;
            else if (b == '.' && !seenPoint)
            {
                seenPoint = true;
                _position++;
            }
            else
                break;
        }
        var text = Encoding.ASCII.GetString(_data, digitsStart, _position - digitsStart);
        var negative = signs > 0 && _data[digitsStart - 1] == '-';
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            value = 0;
        return negative ? -value : value;
    }

    private string ReadKeyword()
    {
        var start = _position;
        while (_position < _data.Length && !IsWhiteSpace(_data[_position]) && !IsDelimiter(_data[_position]))
            _position++;
        if (_position == start)
            _position++;
        return Encoding.Latin1.GetString(_data, start, _position - start);
    }

    /// <summary>Skips an inline image (§8.9.7): its dictionary up to ID, then binary data up to EI.</summary>
    private void SkipInlineImage()
    {
        var idAt = IndexOfKeyword("ID", _position);
        if (idAt < 0)
        {
            _position = _data.Length;
            return;
        }
        var eiAt = IndexOfKeyword("EI", idAt + 3);
        _position = eiAt < 0 ? _data.Length : eiAt + 2;
    }

    private int IndexOfKeyword(string keyword, int from)
    {
        for (var i = Math.Max(from, 1); i + 1 < _data.Length; i++)
        {
            if (_data[i] == keyword[0] && _data[i + 1] == keyword[1] && IsWhiteSpace(_data[i - 1])
                && (i + 2 == _data.Length || IsWhiteSpace(_data[i + 2]) || IsDelimiter(_data[i + 2])))
                return i;
        }
        return -1;
    }

    private static int HexValue(int b) => b switch
    {
        >= '0' and <= '9' => b - '0',
        >= 'A' and <= 'F' => b - 'A' + 10,
        >= 'a' and <= 'f' => b - 'a' + 10,
        _ => -1,
    };

    private static bool IsWhiteSpace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsDelimiter(byte b) =>
        b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';
}
