namespace Pcc.Briefings.Reading;

/// <summary>Reads one document format into blocks.</summary>
public interface IDocumentReader
{
    /// <summary>The format this reader reads.</summary>
    DocumentFormat Format { get; }

    /// <summary>
    /// Reads <paramref name="content"/>. Never throws for bad input: every problem with the bytes is a failed
    /// <see cref="ReadResult"/>. Honours <paramref name="cancellationToken"/> (the caller enforces the time limit through it).
    /// </summary>
    ReadResult Read(ReadOnlyMemory<byte> content, string documentName, ReaderLimits limits, CancellationToken cancellationToken = default);
}
