using System.IO.Compression;

namespace Pcc.Briefings.Reading.Docx;

/// <summary>
/// Checks a .docx package before any parser sees it: every part is decompressed once through a counting stream,
/// so neither a part that lies about its size nor one that honestly claims gigabytes gets past the limit, and every
/// XML part is read once as a stream (<see cref="DocxXmlGuard"/>) so that nesting, element count and DTDs are bounded
/// before the Open XML SDK builds a tree (it recurses once per level: 100,000 nested paragraphs overflow the stack).
/// </summary>
internal static class DocxPackageGuard
{
    private const int MaxParts = 10_000;

    public static void Check(ReadOnlyMemory<byte> content, ReaderLimits limits, CancellationToken cancellationToken)
    {
        using var archive = OpenArchive(content);
        if (archive.Entries.Count > MaxParts)
        {
            throw new ReadProblemException(ReadFailureKind.TooLarge, "ZIP directory",
                $"The Word document has {archive.Entries.Count} parts. Expected at most {MaxParts}.");
        }

        var budget = limits.MaxDecompressedBytes;
        var declared = archive.Entries.Sum(e => e.Length);
        if (declared > budget)
        {
            var largest = archive.Entries.MaxBy(e => e.Length)!;
            throw TooLarge(largest.FullName, $"declares {declared:N0} bytes once decompressed (largest part {largest.FullName}: {largest.Length:N0} bytes)", budget);
        }

        foreach (var entry in archive.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stream = new BoundedReadStream(entry.Open(), budget);
            try
            {
                if (IsXml(entry.FullName))
                    DocxXmlGuard.Check(stream, entry.FullName, limits, cancellationToken);
                else
                    stream.CopyTo(Stream.Null);
            }
            catch (BoundedReadStream.LimitExceededException)
            {
                throw TooLarge(entry.FullName, "expands past the limit once decompressed", limits.MaxDecompressedBytes);
            }

            budget -= stream.BytesRead;
        }
    }

    private static bool IsXml(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    private static ZipArchive OpenArchive(ReadOnlyMemory<byte> content)
    {
        try
        {
            return new ZipArchive(ByteStreams.Open(content), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new ReadProblemException(ReadFailureKind.Corrupt, "ZIP directory",
                $"The Word document is not a readable ZIP package ({ex.Message}). Expected a complete .docx file.");
        }
    }

    private static ReadProblemException TooLarge(string part, string what, long limit) =>
        new(ReadFailureKind.TooLarge, $"part {part}",
            $"The Word document {what}. Expected at most {limit:N0} bytes of decompressed content.");
}
