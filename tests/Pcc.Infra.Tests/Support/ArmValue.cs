using System.Text.Json.Nodes;

namespace Pcc.Infra.Tests.Support;

/// <summary>
/// A template value after evaluation: literal when it is known before deployment, otherwise the canonical text of the
/// expression that computes it (so two values computed the same way compare equal).
/// </summary>
internal sealed record ArmValue(JsonNode? Node, bool IsLiteral)
{
    public static ArmValue Literal(JsonNode? node) => new(node, true);

    public static ArmValue Symbol(string text) => new(JsonValue.Create(text), false);

    /// <summary>A string literal's value, or the expression's text.</summary>
    public string Text => Node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        null => "null",
        _ => Node.ToJsonString(),
    };

    /// <summary>How the value reads as an argument of a symbolic expression.</summary>
    public string Render() => IsLiteral && Node is JsonValue v && v.TryGetValue<string>(out var s) ? $"'{s.Replace("'", "''")}'" : Text;
}
