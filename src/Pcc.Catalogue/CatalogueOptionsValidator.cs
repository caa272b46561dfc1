using Microsoft.Extensions.Options;
using Pcc.Briefings.Themes;
using Pcc.Platform.Configuration;

namespace Pcc.Catalogue;

/// <summary>Checks the <c>Catalogue</c> settings when the app starts: a themes file that is not there, or cannot be read, stops it, named.</summary>
public sealed class CatalogueOptionsValidator : IValidateOptions<CatalogueOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CatalogueOptions options)
    {
        // The file is read and parsed once: the problem found is the message given.
        var problem = Problem(options.ThemesFile);
        return new OptionsChecks(CatalogueOptions.Section)
            .Check(problem is not null, nameof(options.ThemesFile), $"{problem}; leave it empty for the built-in themes.")
            .Result();
    }

    private static string? Problem(string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return null;
        }

        if (!File.Exists(file))
        {
            return $"names a file that does not exist ('{file}')";
        }

        try
        {
            ThemeTaxonomy.LoadFile(file);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return $"names a file that is not a theme taxonomy ('{file}': {ex.Message})";
        }
    }
}
