using System.Text.Json.Nodes;

namespace Pcc.Infra.Tests.Support;

/// <summary>
/// A compiled template, or a module's template inside it, with the parameter values its parent passed (or, for the
/// top template, values a test chooses), and the loop index when a resource is one of a copy loop.
/// </summary>
internal sealed class ArmScope(JsonObject template, ArmScope? parent = null, JsonObject? parameterValues = null, int? copyIndex = null)
{
    public JsonObject Template { get; } = template;

    public int? CopyIndex { get; } = copyIndex;

    /// <summary>The same template deployed with these top-level parameter values.</summary>
    public ArmScope With(JsonObject values) => new(Template, null, values);

    public ArmScope AtCopyIndex(int index) => new(Template, parent, parameterValues, index);

    public ArmValue Parameter(string name)
    {
        if (parameterValues?[name] is JsonObject given && parent is not null)
        {
            return parent.Evaluate(given["value"]);
        }

        if (parent is null && parameterValues is not null && parameterValues.ContainsKey(name))
        {
            return ArmValue.Literal(parameterValues[name]?.DeepClone());
        }

        var declared = Template["parameters"]?[name] ?? throw new KeyNotFoundException($"No parameter {name}.");
        return declared["defaultValue"] is { } defaultValue ? Evaluate(defaultValue) : ArmValue.Symbol($"parameters('{name}')");
    }

    public ArmValue Variable(string name) =>
        Evaluate(Template["variables"]?[name] ?? throw new KeyNotFoundException($"No variable {name}."));

    /// <summary>Evaluates a template value: strings as expressions, objects and arrays member by member.</summary>
    public ArmValue Evaluate(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue v when v.TryGetValue<string>(out var s):
                return ArmExpression.EvaluateString(s, this);
            case JsonObject o:
                var obj = new JsonObject();
                var objLiteral = true;
                foreach (var (key, value) in o)
                {
                    var evaluated = Evaluate(value);
                    obj[ArmExpression.EvaluateString(key, this).Text] = evaluated.Node?.DeepClone();
                    objLiteral &= evaluated.IsLiteral;
                }

                return new ArmValue(obj, objLiteral);
            case JsonArray a:
                var items = a.Select(Evaluate).ToList();
                return new ArmValue(new JsonArray([.. items.Select(i => i.Node?.DeepClone())]), items.All(i => i.IsLiteral));
            default:
                return ArmValue.Literal(node?.DeepClone());
        }
    }

    /// <summary>Every resource here and in the modules below, each with the scope its expressions evaluate in.</summary>
    public IEnumerable<ArmResource> Resources()
    {
        var resources = Template["resources"] switch
        {
            JsonObject byName => byName.Select(p => (p.Key, p.Value!.AsObject())),
            JsonArray list => list.Select(r => ((string)r!["name"]!, r.AsObject())),
            _ => [],
        };
        foreach (var (symbol, resource) in resources)
        {
            yield return new ArmResource(symbol, resource, this);
            if ((string?)resource["type"] == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                var child = new ArmScope(nested, this, resource["properties"]!["parameters"] as JsonObject ?? []);
                foreach (var inner in child.Resources())
                {
                    yield return inner;
                }
            }
        }
    }
}
