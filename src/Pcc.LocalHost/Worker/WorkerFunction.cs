using System.Text.Json.Nodes;
using Pcc.LocalHost.Worker.Rpc;

namespace Pcc.LocalHost.Worker;

/// <summary>
/// A function as the worker described it in its metadata (worker indexing): its name, the id the worker gave it,
/// and its bindings as the raw JSON of <c>functions.metadata</c> (<c>type</c>, <c>name</c>, <c>direction</c>,
/// <c>path</c>, <c>schedule</c>, <c>route</c>, <c>methods</c>…).
/// </summary>
public sealed class WorkerFunction
{
    private WorkerFunction(RpcFunctionMetadata metadata, IReadOnlyList<JsonObject> bindings)
    {
        Metadata = metadata;
        Bindings = bindings;
        Trigger = bindings.FirstOrDefault(b => Text(b, "type")?.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase) == true)
            ?? throw new InvalidOperationException($"The worker describes {metadata.Name} without a trigger binding.");
    }

    /// <summary>The metadata as the worker sent it (sent back unchanged in the load request).</summary>
    public RpcFunctionMetadata Metadata { get; }

    /// <summary>The function's name.</summary>
    public string Name => Metadata.Name;

    /// <summary>The id the worker gave the function.</summary>
    public string FunctionId => Metadata.FunctionId;

    /// <summary>Every binding, raw.</summary>
    public IReadOnlyList<JsonObject> Bindings { get; }

    /// <summary>The trigger binding.</summary>
    public JsonObject Trigger { get; }

    /// <summary>The trigger's type, e.g. <c>blobTrigger</c>, <c>timerTrigger</c>, <c>httpTrigger</c>.</summary>
    public string TriggerType => Text(Trigger, "type")!;

    /// <summary>The trigger parameter's name.</summary>
    public string TriggerName => Text(Trigger, "name") ?? "";

    /// <summary>Whether the trigger is of <paramref name="type"/> (case-insensitive, as in function.json).</summary>
    public bool Is(string type) => string.Equals(TriggerType, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>A string property of the trigger binding (case-insensitive name), or null.</summary>
    public string? TriggerProperty(string name) => Text(Trigger, name);

    /// <summary>A boolean property of the trigger binding; false when absent.</summary>
    public bool TriggerFlag(string name, bool absent = false) =>
        Find(Trigger, name) is { } value ? value.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.True => true,
            System.Text.Json.JsonValueKind.False => false,
            System.Text.Json.JsonValueKind.String => bool.TryParse(value.GetValue<string>(), out var b) && b,
            _ => absent,
        } : absent;

    /// <summary>A string-array property of the trigger binding (e.g. <c>methods</c>); empty when absent.</summary>
    public IReadOnlyList<string> TriggerList(string name) =>
        Find(Trigger, name) is JsonArray array ? array.Select(v => v?.GetValue<string>() ?? "").Where(v => v.Length > 0).ToList() : [];

    /// <summary>Reads the worker's description of a function.</summary>
    public static WorkerFunction From(RpcFunctionMetadata metadata) =>
        new(metadata, metadata.RawBindings.Select(raw => JsonNode.Parse(raw) as JsonObject
            ?? throw new InvalidOperationException($"A binding of {metadata.Name} is not a JSON object: {raw}")).ToList());

    private static JsonNode? Find(JsonObject binding, string name) =>
        binding.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Text(JsonObject binding, string name) =>
        Find(binding, name) is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;
}
