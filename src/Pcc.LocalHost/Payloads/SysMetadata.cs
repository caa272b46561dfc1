using System.Text.Json.Nodes;

namespace Pcc.LocalHost.Payloads;

/// <summary>The <c>Metadata.sys</c> object the host adds to every invocation: method name, time and a fresh GUID.</summary>
internal static class SysMetadata
{
    public static JsonObject Create(string functionName, DateTimeOffset now) => new()
    {
        ["MethodName"] = functionName,
        ["UtcNow"] = now.UtcDateTime.ToString("O"),
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };
}
