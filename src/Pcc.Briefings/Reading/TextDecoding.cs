using System.Text;
using System.Text.Unicode;

namespace Pcc.Briefings.Reading;

/// <summary>Turns the bytes of a text-based document into a string: BOM first, then strict UTF-8, then Windows-1252.</summary>
internal static class TextDecoding
{
    private static readonly byte[] s_utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>How much of a decoded text the checks for binary data look at: the first 64 K characters.</summary>
    public const int SampleLength = 64 * 1024;

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(s_utf8Bom))
        {
            return new DecodedText(Encoding.UTF8.GetString(bytes[3..]), "UTF-8");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return new DecodedText(Encoding.Unicode.GetString(bytes[2..]), "UTF-16LE");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes[2..]), "UTF-16BE");
        }

        return Utf8.IsValid(bytes)
            ? new DecodedText(Encoding.UTF8.GetString(bytes), "UTF-8")
            : new DecodedText(Windows1252.Decode(bytes), "Windows-1252");
    }

    /// <summary>
    /// Decodes only as much of <paramref name="bytes"/> as <paramref name="destination"/> holds: the same characters
    /// that start <see cref="Decode"/>'s text. Returns how many were written.
    /// </summary>
    public static int DecodeStart(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        if (bytes.StartsWith(s_utf8Bom))
        {
            return DecodeStart(Encoding.UTF8, bytes[3..], destination);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return DecodeStart(Encoding.Unicode, bytes[2..], destination);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return DecodeStart(Encoding.BigEndianUnicode, bytes[2..], destination);
        }

        if (Utf8.IsValid(bytes))
        {
            return DecodeStart(Encoding.UTF8, bytes, destination);
        }

        var length = Math.Min(bytes.Length, destination.Length);
        Windows1252.Decode(bytes[..length], destination);
        return length;
    }

    // A decoder that runs out of room stops where it is: what it wrote so far is the start of the whole text.
    private static int DecodeStart(Encoding encoding, ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        encoding.GetDecoder().Convert(bytes, destination, flush: true, out _, out var written, out _);
        return written;
    }

    /// <summary>
    /// Fails a document that is not UTF-8 and does not read as Windows-1252 text either: mostly characters beyond ASCII,
    /// as random or mis-encoded bytes give. Names the first byte that is not UTF-8.
    /// </summary>
    public static void CheckReadable(ReadOnlySpan<byte> bytes, DecodedText decoded, string formatName)
    {
        if (decoded.EncodingName != "Windows-1252")
            return;
        var sample = decoded.Text.AsSpan(0, Math.Min(decoded.Text.Length, SampleLength));
        var printed = 0;
        var beyondAscii = 0;
        foreach (var c in sample)
        {
            if (char.IsWhiteSpace(c))
                continue;
            printed++;
            if (c > '\u007F')
                beyondAscii++;
        }

        if (printed == 0 || beyondAscii * 10 <= printed * 3)
            return;
        var chars = new char[bytes.Length];
        Utf8.ToUtf16(bytes, chars, out var valid, out _, replaceInvalidSequences: false);
        throw new ReadProblemException(ReadFailureKind.UnsupportedFormat, $"byte {valid:N0}",
            $"The {formatName} is not UTF-8 text (byte {valid:N0} starts an invalid sequence) and does not read as Windows-1252 text either. Expected text saved as UTF-8.");
    }

    /// <summary>True when the text holds characters no text document has: NULs or many control characters.</summary>
    public static bool LooksBinary(string text) => LooksBinary(text.AsSpan());

    /// <summary>True when the text (of which only the first <see cref="SampleLength"/> characters are looked at) holds characters no text document has.</summary>
    public static bool LooksBinary(ReadOnlySpan<char> text)
    {
        var sample = text[..Math.Min(text.Length, SampleLength)];
        var suspicious = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return true;
            }

            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')) || c == '\uFFFD')
            {
                suspicious++;
            }
        }

        return suspicious > 8 && suspicious * 50 > sample.Length;
    }
}
