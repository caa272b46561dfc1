using System.Buffers.Text;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Bounds a PDF before PdfPig sees it. PdfPig parses nested arrays and dictionaries recursively and trusts declared
/// counts, and a stack overflow cannot be caught in .NET, so this cheap lexical pass (hand-written: no served library
/// bounds these) rejects, with the place: nesting deeper than the limit (in the file or in any Flate stream that holds
/// objects or page content), object streams or cross-reference tables declaring more objects than the limit,
/// compressed streams inflating past the decompression limit, and a cross-reference chain (/Prev) that loops.
/// </summary>
internal static class PdfStructureGuard
{
    /// <summary>Null when the file is within bounds; else the failure and, for a problem inside a stream, the stream's object number.</summary>
    public static (ReadFailure Failure, int? ObjectNumber)? Check(ReadOnlyMemory<byte> file, string documentName, ReaderLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            var budget = new DecompressionBudget(limits.MaxDecompressedBytes);
            Scan(file.Span, file, null, limits, budget, cancellationToken);
            CheckCrossReferenceChain(file.Span);
            return null;
        }
        catch (StreamProblemException problem)
        {
            return (problem.Problem.ToFailure(documentName), problem.ObjectNumber);
        }
        catch (ReadProblemException problem)
        {
            return (problem.ToFailure(documentName), null);
        }
    }

    /// <summary>
    /// Lexes <paramref name="data"/> for nesting; in the file itself (<paramref name="inObject"/> null, <paramref name="file"/>
    /// the same bytes, which the streams are inflated from without a copy) streams are skipped over and inflated.
    /// </summary>
    private static void Scan(ReadOnlySpan<byte> data, ReadOnlyMemory<byte> file, int? inObject, ReaderLimits limits, DecompressionBudget budget, CancellationToken cancellationToken)
    {
        var depth = 0;
        var dictionaryStart = -1;
        var currentObject = 0;
        for (var i = 0; i < data.Length; i++)
        {
            if ((i & 0xFFFF) == 0)
                cancellationToken.ThrowIfCancellationRequested();
            switch (data[i])
            {
                case (byte)'%':
                    i = SkipTo(data, i, (byte)'\n');
                    break;
                case (byte)'(':
                    i = SkipLiteralString(data, i);
                    break;
                case (byte)'<' when i + 1 < data.Length && data[i + 1] == '<':
                    if (depth == 0)
                        dictionaryStart = i;
                    depth++;
                    i++;
                    break;
                case (byte)'<':
                    i = SkipTo(data, i, (byte)'>');
                    break;
                case (byte)'>' when i + 1 < data.Length && data[i + 1] == '>':
                    depth = Math.Max(0, depth - 1);
                    i++;
                    break;
                case (byte)'[':
                    depth++;
                    break;
                case (byte)']':
                    depth = Math.Max(0, depth - 1);
                    break;
                default:
                    if (!IsRegular(data[i]) || (i > 0 && IsRegular(data[i - 1])))
                        break;
                    var end = i;
                    while (end < data.Length && IsRegular(data[end]))
                        end++;
                    var word = data[i..end];
                    if (word.SequenceEqual("obj"u8) && inObject is null)
                        currentObject = ObjectNumberBefore(data, i);
                    else if (word.SequenceEqual("stream"u8) && inObject is null)
                        end = Stream(data, file, end, dictionaryStart >= 0 ? data[dictionaryStart..i] : [], currentObject, limits, budget, cancellationToken);
                    else if (word.SequenceEqual("ID"u8) && inObject is not null)
                        end = SkipInlineImage(data, end);
                    i = end - 1;
                    break;
            }

            if (depth > limits.MaxNestingDepth)
            {
                var where = inObject is null ? $"byte {i:N0}" : $"object {inObject}, byte {i:N0} of its decompressed stream";
                throw new ReadProblemException(ReadFailureKind.TooLarge, where,
                    $"The PDF nests arrays or dictionaries deeper than {limits.MaxNestingDepth} levels. Expected an ordinary document; save it again from the program that made it.");
            }
        }
    }

    /// <summary>Checks a stream's dictionary and data; returns where scanning resumes (after endstream).</summary>
    private static int Stream(ReadOnlySpan<byte> data, ReadOnlyMemory<byte> file, int afterKeyword, ReadOnlySpan<byte> dictionary, int objectNumber,
        ReaderLimits limits, DecompressionBudget budget, CancellationToken cancellationToken)
    {
        var start = afterKeyword;
        if (start < data.Length && data[start] == '\r')
            start++;
        if (start < data.Length && data[start] == '\n')
            start++;
        var length = data[start..].IndexOf("endstream"u8);
        var end = length < 0 ? data.Length : start + length;

        var isObjectStream = dictionary.IndexOf("/ObjStm"u8) >= 0;
        if ((isObjectStream ? NumberAfter(dictionary, "/N"u8) : null) is { } objects && objects > limits.MaxElements)
            throw TooManyObjects(objects, objectNumber, limits);
        if (NumberAfter(dictionary, "/Size"u8) is { } size && size > limits.MaxElements)
            throw TooManyObjects(size, objectNumber, limits);

        try
        {
            if (IsFlateOnly(dictionary))
            {
                var scan = HoldsObjectsOrContent(dictionary, isObjectStream);
                var (inflated, inflatedLength) = Inflate(file[start..end], budget, objectNumber, limits, keep: scan);
                if (inflated is not null)
                {
                    try
                    {
                        Scan(inflated.AsSpan(0, inflatedLength), default, objectNumber, limits, budget, cancellationToken);
                    }
                    finally
                    {
                        ReaderPools.Bytes.Return(inflated);
                    }
                }
            }
        }
        catch (ReadProblemException problem)
        {
            throw new StreamProblemException(objectNumber, problem);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new StreamCanceledException(objectNumber, cancellationToken);
        }

        return length < 0 ? data.Length : end + "endstream".Length;
    }

    private static ReadProblemException TooManyObjects(long count, int objectNumber, ReaderLimits limits) =>
        new(ReadFailureKind.TooLarge, $"object {objectNumber}",
            $"The PDF declares {count:N0} objects in one table or object stream. Expected at most {limits.MaxElements:N0}.");

    /// <summary>
    /// Inflates a stream within the budget, reading the file's own bytes in place. When <paramref name="keep"/>, returns
    /// the inflated bytes in an array of <see cref="ReaderPools.Bytes"/> that the caller returns; else only counts them.
    /// </summary>
    private static (byte[]? Inflated, int Length) Inflate(ReadOnlyMemory<byte> compressed, DecompressionBudget budget, int objectNumber, ReaderLimits limits, bool keep)
    {
        var buffer = ReaderPools.Bytes.Rent(keep ? Math.Max(4 * compressed.Length, 16 * 1024) : 64 * 1024);
        var length = 0;
        try
        {
            using var input = MemoryMarshal.TryGetArray(compressed, out var bytes)
                ? new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)
                : new MemoryStream(compressed.ToArray(), writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            int read;
            while ((read = zlib.Read(buffer, length, buffer.Length - length)) > 0)
            {
                if (read > budget.Remaining)
                {
                    throw new ReadProblemException(ReadFailureKind.TooLarge, $"object {objectNumber}",
                        $"The PDF's compressed streams expand to more than {limits.MaxDecompressedBytes:N0} bytes, the most accepted.");
                }

                budget.Spend(read);
                if (!keep)
                    continue;
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ReaderPools.Bytes.Rent(2 * buffer.Length);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ReaderPools.Bytes.Return(buffer);
                    buffer = larger;
                }
            }

            if (!keep)
                return (null, 0);
            (var kept, buffer) = (buffer, null);
            return (kept, length);
        }
        catch (InvalidDataException)
        {
            // A damaged stream is PdfPig's to report (or to read around); it cannot be scanned here.
            return (null, 0);
        }
        finally
        {
            if (buffer is not null)
                ReaderPools.Bytes.Return(buffer);
        }
    }

    /// <summary>Object streams, forms and page content hold PDF syntax; images, fonts, colour profiles and metadata do not.</summary>
    private static bool HoldsObjectsOrContent(ReadOnlySpan<byte> dictionary, bool isObjectStream) =>
        isObjectStream || dictionary.IndexOf("/Form"u8) >= 0
        || (dictionary.IndexOf("/Type"u8) < 0 && dictionary.IndexOf("/Subtype"u8) < 0 && dictionary.IndexOf("/Length1"u8) < 0
            && dictionary.IndexOf("/Length2"u8) < 0 && NumberAfter(dictionary, "/N"u8) is null);

    private static bool IsFlateOnly(ReadOnlySpan<byte> dictionary)
    {
        var filter = dictionary.IndexOf("/Filter"u8);
        if (filter < 0)
            return false;
        var rest = dictionary[(filter + 7)..].TrimStart(" \r\n\t"u8);
        var inArray = rest.StartsWith("["u8);
        if (inArray)
            rest = rest[1..].TrimStart(" \r\n\t"u8);
        var name = rest.StartsWith("/FlateDecode"u8) ? 12 : rest.StartsWith("/Fl"u8) && (rest.Length == 3 || !IsRegular(rest[3])) ? 3 : 0;
        if (name == 0)
            return false;
        // In an array a second filter may follow (Flate then DCT); only a lone Flate filter yields PDF syntax to scan.
        return !inArray || rest[name..].TrimStart(" \r\n\t"u8) is [(byte)']', ..];
    }

    /// <summary>Follows startxref and each section's /Prev; a section visited twice is a loop PdfPig could follow forever.</summary>
    private static void CheckCrossReferenceChain(ReadOnlySpan<byte> file)
    {
        var marker = file.LastIndexOf("startxref"u8);
        if (marker < 0 || NumberAfter(file[marker..], "startxref"u8) is not { } offset)
            return;
        var visited = new HashSet<long>();
        while (offset >= 0 && offset < file.Length)
        {
            if (!visited.Add(offset))
            {
                throw new ReadProblemException(ReadFailureKind.Corrupt, $"byte {offset:N0}",
                    "The PDF's cross-reference chain loops: a /Prev entry points back to a section already read. Expected each /Prev to point to an earlier section; save the file again from the program that made it.");
            }

            var section = file[(int)offset..];
            var trailerEnd = section.IndexOf("startxref"u8);
            var sectionDictionary = trailerEnd < 0 ? section : section[..trailerEnd];
            var prev = sectionDictionary.IndexOf("/Prev"u8);
            if (prev < 0 || NumberAfter(sectionDictionary[prev..], "/Prev"u8) is not { } next)
                return;
            offset = next;
        }
    }

    private static long? NumberAfter(ReadOnlySpan<byte> text, ReadOnlySpan<byte> key)
    {
        var at = text.IndexOf(key);
        while (at >= 0)
        {
            var after = at + key.Length;
            if (after >= text.Length || !IsRegular(text[after]) || char.IsAsciiDigit((char)text[after]))
            {
                var rest = text[after..].TrimStart(" \r\n\t\f\0"u8);
                if (Utf8Parser.TryParse(rest, out long value, out var consumed) && consumed > 0)
                    return value;
                return null;
            }

            var next = text[after..].IndexOf(key);
            at = next < 0 ? -1 : after + next;
        }

        return null;
    }

    private static int ObjectNumberBefore(ReadOnlySpan<byte> data, int objKeyword)
    {
        var i = objKeyword - 1;
        for (var field = 0; field < 2; field++)
        {
            while (i >= 0 && !IsRegular(data[i]))
                i--;
            var end = i + 1;
            while (i >= 0 && char.IsAsciiDigit((char)data[i]))
                i--;
            if (field == 1 && Utf8Parser.TryParse(data[(i + 1)..end], out int number, out _))
                return number;
        }

        return 0;
    }

    private static int SkipLiteralString(ReadOnlySpan<byte> data, int start)
    {
        var nesting = 0;
        for (var i = start; i < data.Length; i++)
        {
            switch (data[i])
            {
                case (byte)'\\':
                    i++;
                    break;
                case (byte)'(':
                    nesting++;
                    break;
                case (byte)')' when --nesting == 0:
                    return i;
            }
        }

        return data.Length;
    }

    private static int SkipInlineImage(ReadOnlySpan<byte> data, int start)
    {
        var end = data[start..].IndexOf("EI"u8);
        return end < 0 ? data.Length : start + end + 2;
    }

    private static int SkipTo(ReadOnlySpan<byte> data, int start, byte stop)
    {
        var found = data[(start + 1)..].IndexOf(stop);
        return found < 0 ? data.Length : start + 1 + found;
    }

    /// <summary>The time limit ran out while a stream was checked; the reader names the page the stream belongs to.</summary>
    internal sealed class StreamCanceledException(int objectNumber, CancellationToken token) : OperationCanceledException(token)
    {
        public int ObjectNumber { get; } = objectNumber;
    }

    private sealed class StreamProblemException(int objectNumber, ReadProblemException problem) : Exception(problem.Message)
    {
        public int ObjectNumber { get; } = objectNumber;

        public ReadProblemException Problem { get; } = problem;
    }

    private static bool IsRegular(byte b) =>
        b > ' ' && b is not ((byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');
}
