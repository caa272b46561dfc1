namespace Pcc.Briefings.Reading;

/// <summary>Whether text that a document sets as superscript is a footnote reference ("12", "*", "†", "3,4") rather than words.</summary>
internal static class FootnoteMarkText
{
    public static bool IsMark(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length is > 0 and <= 8 && trimmed.All(c => char.IsDigit(c) || "*†‡§¶,-–".Contains(c)) && trimmed.Any(c => c != ',' && c != '-' && c != '–');
    }
}
