using System.Text.Json.Nodes;

namespace Pcc.Infra.Tests.Support;

/// <summary>One resource of a compiled template and the scope its expressions evaluate in.</summary>
internal sealed record ArmResource(string Symbol, JsonObject Json, ArmScope Scope)
{
    public string Type => (string)Json["type"]!;

    public bool IsExisting => Json["existing"]?.GetValue<bool>() == true;

    public ArmValue Name => Scope.Evaluate(Json["name"]);

    /// <summary>This resource, or one per iteration when it is a copy loop (<c>[for ...]</c>).</summary>
    public IEnumerable<ArmResource> Instances()
    {
        if (Json["copy"] is not JsonObject copy)
        {
            return [this];
        }

        var count = Scope.Evaluate(copy["count"]);
        return count.IsLiteral
            ? Enumerable.Range(0, count.Node!.GetValue<int>()).Select(i => this with { Scope = Scope.AtCopyIndex(i) })
            : throw new InvalidOperationException($"The loop of {Symbol} has no count known before deployment: {count.Text}");
    }

    /// <summary>The last segment of the name: a child resource's own name.</summary>
    public string LeafName => Name.Text.Split('/')[^1];

    public ArmValue Property(string path)
    {
        JsonNode? node = Json;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return Scope.Evaluate(node);
    }
}
