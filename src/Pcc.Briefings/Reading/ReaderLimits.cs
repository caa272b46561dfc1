namespace Pcc.Briefings.Reading;

/// <summary>Bounds that keep a hostile or broken document from exhausting memory or time.</summary>
public sealed record ReaderLimits
{
    /// <summary>The default limits: 20 MB upload, 100 MB decompressed, 30 seconds.</summary>
    public static ReaderLimits Default { get; } = new();

    /// <summary>Largest accepted document, in bytes.</summary>
    public long MaxDocumentBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Largest total of decompressed content (DOCX parts, PDF streams) in bytes; guards against zip bombs.</summary>
    public long MaxDecompressedBytes { get; init; } = 100 * 1024 * 1024;

    /// <summary>Longest time one document may take to read.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
