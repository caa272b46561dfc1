namespace Pcc.Notifications.Digests;

/// <summary>Theme titles for slugs the window's changes did not name.</summary>
internal static class ThemeNames
{
    /// <summary>
    /// A title from a slug, in the catalogue's sentence case: <c>tackling-violence-and-exploitation</c> →
    /// "Tackling violence and exploitation".
    /// </summary>
    public static string FromSlug(string slug)
    {
        var words = slug.Replace('-', ' ').Trim();
        return words.Length == 0 ? slug : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
