namespace Pcc.Briefings.Identity;

/// <summary>Lower-case, hyphen-separated ASCII slugs for themes and keys.</summary>
public static class Slug
{
    /// <summary>The slug of <paramref name="text"/>: its words, ASCII letters and digits only, joined by hyphens.</summary>
    public static string From(string text) =>
        string.Join('-', TextNormalizer.Words(text).Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray())).Where(w => w.Length > 0));
}
