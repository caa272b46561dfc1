namespace Pcc.Briefings.Reading;

/// <summary>Bounds that keep a hostile or broken document from exhausting memory, stack or time.</summary>
public sealed record ReaderLimits
{
    /// <summary>The default limits: 20 MB upload, 100 MB decompressed, 30 seconds, 512 levels, 1,000,000 elements, 4 MiB of text, 100,000-character lines, 2,000 pages.</summary>
    public static ReaderLimits Default { get; } = new();

    /// <summary>Largest accepted document, in bytes.</summary>
    public long MaxDocumentBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Largest total of decompressed content (DOCX parts, PDF streams) in bytes; guards against zip bombs.</summary>
    public long MaxDecompressedBytes { get; init; } = 100 * 1024 * 1024;

    /// <summary>Longest time one document may take to read.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Deepest nesting of elements (XML, HTML, Markdown containers, PDF arrays and dictionaries).</summary>
    public int MaxNestingDepth { get; init; } = 512;

    /// <summary>Most elements in one document (XML elements, HTML tags, objects a PDF declares).</summary>
    public int MaxElements { get; init; } = 1_000_000;

    /// <summary>Most characters of a text, Markdown or HTML document once decoded; a briefing is tens of thousands.</summary>
    public int MaxTextCharacters { get; init; } = 4 * 1024 * 1024;

    /// <summary>Longest line of a text or Markdown document, in characters.</summary>
    public int MaxLineLength { get; init; } = 100_000;

    /// <summary>Most pages of a PDF.</summary>
    public int MaxPages { get; init; } = 2_000;
}
