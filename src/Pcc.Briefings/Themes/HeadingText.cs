using System.Globalization;
using System.Text.RegularExpressions;
using Pcc.Briefings.Identity;

namespace Pcc.Briefings.Themes;

/// <summary>
/// Heading text without the artefacts PDF conversion leaves in front of it: icon-font glyphs, "@", "@g@",
/// private-use characters and stray symbols.
/// </summary>
public static partial class HeadingText
{
    /// <summary>The heading's words as a reader would see them.</summary>
    public static string Clean(string heading)
    {
        var text = TextNormalizer.Clean(heading);
        // The artefact always holds an '@'; most headings and lines have none.
        if (text.Contains('@'))
        {
            text = LeadingArtefact().Replace(text, "");
        }

        var start = 0;
        while (start < text.Length && IsGlyph(text, start))
        {
            start++;
        }

        return text[start..].Trim();
    }

    private static bool IsGlyph(string text, int index)
    {
        var c = text[index];
        if (char.IsWhiteSpace(c))
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(text, index);
        return category is UnicodeCategory.PrivateUse or UnicodeCategory.OtherSymbol or UnicodeCategory.Surrogate
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.MathSymbol or UnicodeCategory.DashPunctuation
            || c is '@' or '#' or '*' or '|' or '>' or '~' or '^' or '_' or '\u2022' or '\u00B7';
    }

    [GeneratedRegex(@"^[\s\p{Co}\p{So}]*@[A-Za-z]{0,3}@\s*")]
    private static partial Regex LeadingArtefact();
}
