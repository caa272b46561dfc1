using System.Globalization;
using System.Text.Json;

namespace Pcc.LocalHost.Worker;

/// <summary>
/// How long one invocation may run, host.json <c>functionTimeout</c>, read as the Functions host reads it
/// (Azure/azure-functions-host src/WebJobs.Script/Config/ScriptJobHostOptionsSetup.cs, <c>ConfigureFunctionTimeout</c>):
/// unset means 30 minutes (the default outside the classic Consumption plan), <c>-1</c> means no limit, and a value
/// under a second is refused.
/// </summary>
public static class FunctionTimeout
{
    /// <summary>The timeout when host.json sets none.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromMinutes(30);

    private static readonly TimeSpan s_minimum = TimeSpan.FromSeconds(1);

    /// <summary>The timeout in <paramref name="appDirectory"/>'s host.json; null when there is no limit.</summary>
    public static TimeSpan? Read(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "host.json");
        if (!File.Exists(path))
        {
            return Default;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!json.RootElement.TryGetProperty("functionTimeout", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Default;
        }

        return Parse(value.ToString(), path);
    }

    /// <summary>Parses a <c>functionTimeout</c> value (<c>hh:mm:ss</c>, or <c>-1</c> for no limit) read from <paramref name="source"/>.</summary>
    public static TimeSpan? Parse(string text, string source)
    {
        if (text.Trim() is "-1" or "-1.00:00:00")
        {
            return null;
        }

        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var timeout) || timeout < s_minimum)
        {
            throw new InvalidOperationException($"The functionTimeout '{text}' in {source} is not a time span of at least {s_minimum} (or -1 for no limit).");
        }

        return timeout;
    }
}
