namespace Pcc.Briefings.Reading.Pdf;

/// <summary>Raised when the streams of a document inflate past <see cref="ReaderLimits.MaxDecompressedBytes"/>.</summary>
internal sealed class DecompressionLimitException(long limit)
    : Exception($"The PDF's streams decompress to more than {limit:N0} bytes.")
{
    public long Limit { get; } = limit;
}
