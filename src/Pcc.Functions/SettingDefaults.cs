using Microsoft.Extensions.Configuration.Memory;

namespace Pcc.Functions;

/// <summary>App settings with a value in code, for when the app settings leave them out.</summary>
public static class SettingDefaults
{
    /// <summary>
    /// Adds <paramref name="defaults"/> as the first configuration source, under every other, so any app setting,
    /// environment variable or host-supplied value of the same name wins. The Functions host resolves a trigger's
    /// <c>%Setting%</c> from the app settings alone, so in Azure the settings must still be present (see
    /// <c>local.settings.sample.json</c>); the defaults keep the app's own reading of them working without.
    /// </summary>
    public static IConfigurationBuilder AddSettingDefaults(this IConfigurationBuilder configuration, IReadOnlyDictionary<string, string?> defaults)
    {
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        return configuration;
    }
}
