using Microsoft.Extensions.Options;
using Pcc.Platform.Configuration;

namespace Pcc.Catalogue.Search;

/// <summary>Checks the <c>Search</c> settings when the app starts: a synonyms file that is not there, or cannot be read, stops it, named.</summary>
public sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SearchOptions options)
    {
        // The file is read and parsed once: the problem found is the message given.
        var problem = Problem(options.SynonymsFile);
        return new OptionsChecks(SearchOptions.Section)
            .Check(problem is not null, nameof(options.SynonymsFile), $"{problem}; leave it empty for the built-in list.")
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
            Synonyms.LoadFile(file);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return $"names a file that is not a synonyms list ('{file}': {ex.Message})";
        }
    }
}
