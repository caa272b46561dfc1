namespace Pcc.Briefings.Reading;

/// <summary>Why a document could not be read.</summary>
public enum ReadFailureKind
{
    /// <summary>The document has no bytes or no readable text.</summary>
    Empty,
    /// <summary>The bytes are not a format this product reads.</summary>
    UnsupportedFormat,
    /// <summary>The document claims a format but its structure is broken.</summary>
    Corrupt,
    /// <summary>The document is password-protected or encrypted.</summary>
    Encrypted,
    /// <summary>The document, or something inside it once decompressed, is larger than allowed.</summary>
    TooLarge,
    /// <summary>Reading took longer than allowed.</summary>
    TimedOut,
    /// <summary>The document's pages are images of text (a scan) with no text layer to read.</summary>
    NoTextLayer,
}
