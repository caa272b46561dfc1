using System.Text;
using System.Text.Unicode;

namespace Pcc.Briefings.Reading;

/// <summary>Turns the bytes of a text-based document into a string: BOM first, then strict UTF-8, then Windows-1252.</summary>
internal static class TextDecoding
{
    private static readonly byte[] s_utf8Bom = [0xEF, 0xBB, 0xBF];

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
    /// Fails a document that is not UTF-8 and does not read as Windows-1252 text either: mostly characters beyond ASCII,
    /// as random or mis-encoded bytes give. Names the first byte that is not UTF-8.
    /// </summary>
    public static void CheckReadable(ReadOnlySpan<byte> bytes, DecodedText decoded, string formatName)
    {
        if (decoded.EncodingName != "Windows-1252")
            return;
        var sample = decoded.Text.AsSpan(0, Math.Min(decoded.Text.Length, 64 * 1024));
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
    public static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 64 * 1024));
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
