using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pcc.Functions.Tests;

/// <summary>
/// The documented properties of the bindings this app uses, as <c>functions.metadata</c> lists them
/// (https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-blob-trigger#configuration,
/// .../functions-bindings-timer#configuration, .../functions-bindings-http-webhook-trigger#configuration).
/// Returns every violation, so a failing test lists them all.
/// </summary>
public static partial class FunctionJsonRules
{
    private static readonly string[] s_methods = ["get", "post", "put", "delete", "patch", "head", "options", "trace"];

    public static IEnumerable<string> Check(string functionName, JsonElement root)
    {
        if (!FunctionName().IsMatch(functionName))
        {
            yield return $"{functionName}: not a valid function name";
        }

        if (!root.TryGetProperty("bindings", out var bindings) || bindings.ValueKind != JsonValueKind.Array || bindings.GetArrayLength() == 0)
        {
            yield return $"{functionName}: no bindings array";
            yield break;
        }

        var all = bindings.EnumerateArray().ToList();
        var triggers = all.Where(b => Text(b, "type")?.EndsWith("Trigger", StringComparison.Ordinal) == true).ToList();
        if (triggers.Count != 1)
        {
            yield return $"{functionName}: {triggers.Count} triggers, expected exactly one";
        }

        foreach (var binding in all)
        {
            var type = Text(binding, "type");
            if (string.IsNullOrEmpty(Text(binding, "name")))
            {
                yield return $"{functionName}: a {type} binding has no name";
            }

            var problems = type switch
            {
                "blobTrigger" => Blob(binding),
                "timerTrigger" => Timer(binding),
                "httpTrigger" => Http(binding, all),
                "http" => Is(Text(binding, "direction"), "out") ? [] : ["http binding must be out"],
                _ => [$"unexpected binding type '{type}'"],
            };
            foreach (var problem in problems)
            {
                yield return $"{functionName}: {problem}";
            }
        }
    }

    private static IEnumerable<string> Blob(JsonElement b)
    {
        if (!Is(Text(b, "direction"), "in")) yield return "blobTrigger direction must be in";
        if (Text(b, "path") is not { } path || !path.Contains('/') || !path.Contains("{name}", StringComparison.Ordinal)) yield return "blobTrigger path must be container/{name}";
        if (string.IsNullOrEmpty(Text(b, "connection"))) yield return "blobTrigger needs a connection";
        if (Text(b, "source") is not ("EventGrid" or "LogsAndContainerScan")) yield return "blobTrigger source must be EventGrid or LogsAndContainerScan";
    }

    private static IEnumerable<string> Timer(JsonElement b)
    {
        if (!Is(Text(b, "direction"), "in")) yield return "timerTrigger direction must be in";
        var schedule = Text(b, "schedule") ?? "";
        var isSetting = schedule.Length > 2 && schedule[0] == '%' && schedule[^1] == '%';
        if (!isSetting && schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 6) yield return $"timerTrigger schedule '{schedule}' must have six fields or name a %setting%";
        // Left out, both take the host's defaults (useMonitor true, runOnStartup false).
        if (b.TryGetProperty("useMonitor", out var monitor) && monitor.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) yield return "timerTrigger useMonitor must be a boolean";
        if (b.TryGetProperty("runOnStartup", out var startup) && startup.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) yield return "timerTrigger runOnStartup must be a boolean";
    }

    private static IEnumerable<string> Http(JsonElement b, List<JsonElement> all)
    {
        if (!Is(Text(b, "direction"), "in")) yield return "httpTrigger direction must be in";
        if (Text(b, "authLevel")?.ToLowerInvariant() is not ("anonymous" or "function" or "admin")) yield return "httpTrigger authLevel must be anonymous, function or admin";
        if (!b.TryGetProperty("methods", out var methods) || methods.ValueKind != JsonValueKind.Array || methods.GetArrayLength() == 0
            || methods.EnumerateArray().Any(m => !s_methods.Contains(m.GetString())))
        {
            yield return "httpTrigger methods must be a non-empty list of lower-case HTTP methods";
        }

        if (Text(b, "route") is not { Length: > 0 } route || route.StartsWith('/') || route.StartsWith("api/", StringComparison.Ordinal)) yield return "httpTrigger route must be relative to the api prefix";

        // Forwarding the raw request needs exactly one http trigger and one http output, nothing else.
        if (all.Count != 2 || all.Count(x => Text(x, "type") == "http") != 1) yield return "an HTTP function must have exactly an httpTrigger and an http output";
    }

    // The host reads directions and auth levels as enums, ignoring case; functions.metadata writes "In" and "Anonymous".
    private static bool Is(string? value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,126}$")]
    private static partial Regex FunctionName();
}
