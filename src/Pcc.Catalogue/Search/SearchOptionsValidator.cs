using Microsoft.Extensions.Options;
using Pcc.Platform.Configuration;

namespace Pcc.Catalogue.Search;

/// <summary>Checks the <c>Search</c> settings when the app starts: a synonyms file that is not there, or cannot be read, stops it, named.</summary>
public sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SearchOptions options) =>
        new OptionsChecks(SearchOptions.Section)
            .ReadableFile(options.SynonymsFile, nameof(options.SynonymsFile), file => Synonyms.LoadFile(file), "a synonyms list", "the built-in list")
            .Result();
}
