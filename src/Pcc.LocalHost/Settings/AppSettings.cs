using System.Text.RegularExpressions;

namespace Pcc.LocalHost.Settings;

/// <summary>
/// Binding expressions as the Functions host resolves them: every <c>%Name%</c> in a trigger property is
/// replaced by the app setting <c>Name</c> (https://learn.microsoft.com/azure/azure-functions/functions-bindings-expressions-patterns#binding-expressions---app-settings).
/// </summary>
public static partial class AppSettings
{
    /// <summary>Replaces each <c>%Name%</c>; a missing setting is an error naming it and what needed it.</summary>
    public static string Resolve(IConfiguration configuration, string value, string usedBy)
    {
        return Placeholder().Replace(value, match =>
        {
            var name = match.Groups[1].Value;
            var setting = configuration[name] ?? configuration[name.Replace("__", ":", StringComparison.Ordinal)];
            return string.IsNullOrWhiteSpace(setting)
                ? throw new InvalidOperationException($"{usedBy} uses the app setting '{name}' (%{name}%), which is not set.")
                : setting;
        });
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Placeholder();
}
