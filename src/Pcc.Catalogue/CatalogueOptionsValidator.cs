using Microsoft.Extensions.Options;
using Pcc.Briefings.Themes;
using Pcc.Platform.Configuration;

namespace Pcc.Catalogue;

/// <summary>Checks the <c>Catalogue</c> settings when the app starts: a themes file that is not there, or cannot be read, stops it, named.</summary>
public sealed class CatalogueOptionsValidator : IValidateOptions<CatalogueOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CatalogueOptions options) =>
        new OptionsChecks(CatalogueOptions.Section)
            .ReadableFile(options.ThemesFile, nameof(options.ThemesFile), file => ThemeTaxonomy.LoadFile(file), "a theme taxonomy", "the built-in themes")
            .Result();
}
