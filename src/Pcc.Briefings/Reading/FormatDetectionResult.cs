namespace Pcc.Briefings.Reading;

/// <summary>Either the detected format of a document or why its bytes are not a readable format.</summary>
public sealed class FormatDetectionResult
{
    private FormatDetectionResult(FormatDetection? value, ReadFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    /// <summary>The detection; null when <see cref="Failure"/> is set.</summary>
    public FormatDetection? Value { get; }

    /// <summary>Why no readable format was found; null on success.</summary>
    public ReadFailure? Failure { get; }

    internal static FormatDetectionResult ForValue(FormatDetection value) => new(value, null);

    internal static FormatDetectionResult ForFailure(ReadFailure failure) => new(null, failure);
}
