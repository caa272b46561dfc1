using System.Text;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>The text of shown glyphs, appended to a line: ligatures spelled out, odd spaces made plain, invisible characters dropped.</summary>
internal static class GlyphText
{
    public static void Append(StringBuilder line, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '\uFB00': line.Append("ff"); break;
                case '\uFB01': line.Append("fi"); break;
                case '\uFB02': line.Append("fl"); break;
                case '\uFB03': line.Append("ffi"); break;
                case '\uFB04': line.Append("ffl"); break;
                case '\uFB05' or '\uFB06': line.Append("st"); break;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    break; // Zero-width characters carry nothing a reader sees.
                case '\t' or '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000':
                    AppendSpace(line);
                    break;
                case ' ':
                    AppendSpace(line);
                    break;
                default:
                    if (!char.IsControl(c))
                        line.Append(c);
                    break;
            }
        }
    }

    public static void AppendSpace(StringBuilder line)
    {
        if (line.Length > 0 && line[^1] != ' ')
            line.Append(' ');
    }
}
