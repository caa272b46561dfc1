using Microsoft.Extensions.Options;
using Pcc.Briefings.Reading;
using Pcc.Platform.Configuration;

namespace Pcc.Catalogue.Ingestion;

/// <summary>Checks the document reading limits (section <c>Ingestion</c>) when the app starts.</summary>
public sealed class ReaderLimitsValidator : IValidateOptions<ReaderLimits>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ReaderLimits options) =>
        new OptionsChecks(IngestionOptions.Section)
            .InRange(options.MaxDocumentBytes, nameof(options.MaxDocumentBytes), 1)
            .InRange(options.MaxDecompressedBytes, nameof(options.MaxDecompressedBytes), 1)
            .Positive(options.Timeout, nameof(options.Timeout))
            .InRange(options.MaxNestingDepth, nameof(options.MaxNestingDepth), 1)
            .InRange(options.MaxElements, nameof(options.MaxElements), 1)
            .InRange(options.MaxTextCharacters, nameof(options.MaxTextCharacters), 1)
            .InRange(options.MaxLineLength, nameof(options.MaxLineLength), 1)
            .InRange(options.MaxPages, nameof(options.MaxPages), 1)
            .Result();
}
