namespace Pcc.Notifications.Digests;

/// <summary>The opening of a case study's text, for a new item.</summary>
internal static class Summary
{
    /// <summary>
    /// The first <paramref name="length"/> characters of <paramref name="text"/> (whitespace collapsed), cut back to the
    /// last word boundary and marked with an ellipsis when anything was left out.
    /// </summary>
    public static string Of(string text, int length)
    {
        var clean = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length <= length)
        {
            return clean;
        }

        var cut = clean.LastIndexOf(' ', Math.Max(0, length));
        var kept = cut > length / 2 ? clean[..cut] : clean[..length];
        return kept.TrimEnd(',', ';', ':', '.', ' ', '\u2013', '-') + DiffExcerpt.Gap;
    }
}
