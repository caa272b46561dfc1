using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Pcc.Infra.Tests.Support;

/// <summary>
/// Evaluates the ARM template expressions Bicep emits, as far as they are known before deployment: literals,
/// parameters, variables, format and a few collection functions. Anything only Azure knows (reference, resourceId,
/// uniqueString, …) stays symbolic. Hand-written because no served library evaluates ARM expressions offline.
/// </summary>
internal sealed class ArmExpression
{
    private readonly string _text;
    private int _at;

    private ArmExpression(string text) => _text = text;

    /// <summary>Evaluates a template string: a literal, an escaped literal (<c>[[</c>) or an expression (<c>[...]</c>).</summary>
    public static ArmValue EvaluateString(string value, ArmScope scope)
    {
        if (value.StartsWith("[[", StringComparison.Ordinal))
        {
            return ArmValue.Literal(JsonValue.Create(value[1..]));
        }

        if (value.Length >= 2 && value[0] == '[' && value[^1] == ']')
        {
            var parser = new ArmExpression(value[1..^1]);
            var result = parser.ParseExpression(scope);
            parser.SkipSpace();
            return parser._at == parser._text.Length ? result : throw new FormatException($"Unexpected text at {parser._at} in {value}");
        }

        return ArmValue.Literal(JsonValue.Create(value));
    }

    private ArmValue ParseExpression(ArmScope scope)
    {
        SkipSpace();
        var value = ParsePrimary(scope);
        while (true)
        {
            SkipSpace();
            if (Peek('.'))
            {
                _at++;
                value = Member(value, ReadIdentifier());
            }
            else if (Peek('['))
            {
                _at++;
                var index = ParseExpression(scope);
                Expect(']');
                value = Member(value, index.Text);
            }
            else
            {
                return value;
            }
        }
    }

    private ArmValue ParsePrimary(ArmScope scope)
    {
        if (Peek('\''))
        {
            return ArmValue.Literal(JsonValue.Create(ReadString()));
        }

        if (char.IsDigit(_text[_at]) || _text[_at] == '-')
        {
            var start = _at++;
            while (_at < _text.Length && char.IsDigit(_text[_at]))
            {
                _at++;
            }

            return ArmValue.Literal(JsonValue.Create(long.Parse(_text[start.._at], CultureInfo.InvariantCulture)));
        }

        var name = ReadIdentifier();
        SkipSpace();
        Expect('(');
        var arguments = new List<ArmValue>();
        SkipSpace();
        while (!Peek(')'))
        {
            arguments.Add(ParseExpression(scope));
            SkipSpace();
            if (Peek(','))
            {
                _at++;
            }
        }

        Expect(')');
        return ArmFunctions.Call(name, arguments, scope);
    }

    private static ArmValue Member(ArmValue target, string name) =>
        target.IsLiteral && target.Node is JsonObject o
            ? new ArmValue(o[name]?.DeepClone(), true)
            : target.IsLiteral && target.Node is JsonArray a && int.TryParse(name, out var i)
                ? new ArmValue(a[i]?.DeepClone(), true)
                : ArmValue.Symbol($"{target.Text}.{name}");

    private string ReadString()
    {
        var text = new StringBuilder();
        _at++;
        while (true)
        {
            if (_text[_at] == '\'')
            {
                if (_at + 1 < _text.Length && _text[_at + 1] == '\'')
                {
                    text.Append('\'');
                    _at += 2;
                    continue;
                }

                _at++;
                return text.ToString();
            }

            text.Append(_text[_at++]);
        }
    }

    private string ReadIdentifier()
    {
        var start = _at;
        while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] is '_' or '$'))
        {
            _at++;
        }

        return _at > start ? _text[start.._at] : throw new FormatException($"Expected a name at {start} in {_text}");
    }

    private bool Peek(char c) => _at < _text.Length && _text[_at] == c;

    private void Expect(char c)
    {
        SkipSpace();
        if (!Peek(c))
        {
            throw new FormatException($"Expected '{c}' at {_at} in {_text}");
        }

        _at++;
    }

    private void SkipSpace()
    {
        while (_at < _text.Length && _text[_at] == ' ')
        {
            _at++;
        }
    }
}
