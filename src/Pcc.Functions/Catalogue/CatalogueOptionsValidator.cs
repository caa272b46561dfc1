using Microsoft.Extensions.Options;
using Pcc.Notifications.Configuration;

namespace Pcc.Functions.Catalogue;

/// <summary>Checks the <c>Catalogue</c> settings when the app starts: a themes file that is not there stops it, named.</summary>
public sealed class CatalogueOptionsValidator : IValidateOptions<CatalogueOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CatalogueOptions options) =>
        new OptionsChecks(CatalogueOptions.Section)
            .Check(!string.IsNullOrWhiteSpace(options.ThemesFile) && !File.Exists(options.ThemesFile), nameof(options.ThemesFile),
                $"names a file that does not exist ('{options.ThemesFile}'); leave it empty for the built-in themes.")
            .Result();
}
