using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pcc.Infra.Tests.Support;

/// <summary>The template functions <see cref="ArmExpression"/> can compute; every other call stays symbolic.</summary>
internal static partial class ArmFunctions
{
    public static ArmValue Call(string name, IReadOnlyList<ArmValue> args, ArmScope scope)
    {
        var literal = args.All(a => a.IsLiteral);
        switch (name.ToLowerInvariant())
        {
            case "parameters":
                return scope.Parameter(args[0].Text);
            case "variables":
                return scope.Variable(args[0].Text);
            case "format" when args[0].IsLiteral:
                return new ArmValue(
                    JsonValue.Create(Placeholder().Replace(args[0].Text, m => args[int.Parse(m.Groups[1].Value) + 1].Text)),
                    literal);
            case "concat" when literal && args.All(a => a.Node is JsonArray):
                return ArmValue.Literal(new JsonArray([.. args.SelectMany(a => a.Node!.AsArray()).Select(n => n?.DeepClone())]));
            case "concat":
                return new ArmValue(JsonValue.Create(string.Concat(args.Select(a => a.Text))), literal);
            case "createarray":
                return new ArmValue(new JsonArray([.. args.Select(a => a.Node?.DeepClone())]), literal);
            case "createobject":
                var created = new JsonObject();
                for (var i = 0; i + 1 < args.Count; i += 2)
                {
                    created[args[i].Text] = args[i + 1].Node?.DeepClone();
                }

                return new ArmValue(created, literal);
            case "objectvalues" when literal && args[0].Node is JsonObject values:
                return ArmValue.Literal(new JsonArray([.. values.Select(p => p.Value?.DeepClone())]));
            case "string" when literal:
                return ArmValue.Literal(JsonValue.Create(args[0].Node is JsonValue v && v.TryGetValue<bool>(out var b) ? (b ? "True" : "False") : args[0].Text));
            case "length" when literal && args[0].Node is JsonArray counted:
                return ArmValue.Literal(JsonValue.Create(counted.Count));
            case "length" when literal && args[0].Node is JsonObject countedObject:
                return ArmValue.Literal(JsonValue.Create(countedObject.Count));
            case "copyindex" when scope.CopyIndex is { } index:
                return ArmValue.Literal(JsonValue.Create(index + (args.Count > 0 && args[^1].Node is JsonValue offset && offset.TryGetValue<long>(out var o) ? (int)o : 0)));
            case "true":
                return ArmValue.Literal(JsonValue.Create(true));
            case "false":
                return ArmValue.Literal(JsonValue.Create(false));
            case "empty" when literal:
                return ArmValue.Literal(JsonValue.Create(args[0].Node is null || args[0].Text.Length == 0 || args[0].Node is JsonArray { Count: 0 } || args[0].Node is JsonObject { Count: 0 }));
            case "not" when literal:
                return ArmValue.Literal(JsonValue.Create(!args[0].Node!.GetValue<bool>()));
            case "if" when args[0].IsLiteral:
                return args[0].Node!.GetValue<bool>() ? args[1] : args[2];
            default:
                return ArmValue.Symbol($"{name}({string.Join(", ", args.Select(a => a.Render()))})");
        }
    }

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
