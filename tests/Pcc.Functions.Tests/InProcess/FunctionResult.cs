using System.Text.Json.Serialization;

namespace Pcc.Functions.Tests.InProcess;

/// <summary>The custom-handler response payload: <c>{"Outputs":{},"Logs":[],"ReturnValue":null}</c>.</summary>
public sealed class FunctionResult
{
    /// <summary>Values for output bindings, by binding name.</summary>
    [JsonPropertyName("Outputs")]
    public Dictionary<string, object?> Outputs { get; init; } = [];

    /// <summary>Lines the host writes to the invocation's log.</summary>
    [JsonPropertyName("Logs")]
    public List<string> Logs { get; init; } = [];

    /// <summary>The function's return value, for a <c>$return</c> binding.</summary>
    [JsonPropertyName("ReturnValue")]
    public object? ReturnValue { get; init; }

    /// <summary>A result carrying only log lines.</summary>
    public static FunctionResult WithLogs(params string[] logs) => new() { Logs = [.. logs] };
}
