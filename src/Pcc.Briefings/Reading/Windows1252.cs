namespace Pcc.Briefings.Reading;

/// <summary>
/// Decodes Windows-1252, the encoding older Office exports and web pages use when bytes are not UTF-8.
/// Written here rather than registering the code-pages provider, which would change process-wide encoding state.
/// </summary>
internal static class Windows1252
{
    // Bytes 0x80–0x9F; the five bytes Windows-1252 leaves undefined map to the same code point, as Windows does.
    private const string HighControls =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    public static string Decode(ReadOnlySpan<byte> bytes) => string.Create(bytes.Length, bytes, static (chars, source) => Decode(source, chars));

    /// <summary>Decodes <paramref name="bytes"/> into the first <c>bytes.Length</c> characters of <paramref name="chars"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            chars[i] = b is >= 0x80 and <= 0x9F ? HighControls[b - 0x80] : (char)b;
        }
    }
}
