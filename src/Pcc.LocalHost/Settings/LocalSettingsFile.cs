using System.Text.Json;

namespace Pcc.LocalHost.Settings;

/// <summary>
/// The <c>Values</c> of <c>local.settings.json</c> in the repository root, which the Functions Core Tools also
/// read as app settings (https://learn.microsoft.com/azure/azure-functions/functions-develop-local#local-settings-file).
/// </summary>
public static class LocalSettingsFile
{
    /// <summary>The file's values; on a fresh clone, without the file, those of <c>local.settings.sample.json</c>; else none.</summary>
    public static IReadOnlyDictionary<string, string?> Read(string? root)
    {
        var path = root is null ? null : new[] { "local.settings.json", "local.settings.sample.json" }.Select(f => Path.Combine(root, f)).FirstOrDefault(File.Exists);
        if (path is null || !File.Exists(path))
        {
            return new Dictionary<string, string?>();
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return new Dictionary<string, string?>();
        }

        // The host turns "A__B" into the hierarchical key "A:B", as environment variables are.
        return values.EnumerateObject().ToDictionary(
            p => p.Name.Replace("__", ":", StringComparison.Ordinal),
            p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText(),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The <paramref name="values"/> the environment does not already define: as Core Tools does, a variable set in the
    /// environment (under the key, or with <c>__</c> for <c>:</c>) wins over the file. <paramref name="skipped"/>
    /// names the values left out.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> YieldToEnvironment(
        IReadOnlyDictionary<string, string?> values, Func<string, string?> environment, out IReadOnlyList<string> skipped)
    {
        var kept = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var left = new List<string>();
        foreach (var (key, value) in values)
        {
            if (!string.IsNullOrEmpty(environment(key)) || !string.IsNullOrEmpty(environment(key.Replace(":", "__", StringComparison.Ordinal))))
            {
                left.Add(key);
            }
            else
            {
                kept[key] = value;
            }
        }

        skipped = left;
        return kept;
    }
}
