namespace Pcc.Notifications.Digests;

/// <summary>A digest's subject line: how many updates, in which themes (or followed briefings and case studies), of which kinds.</summary>
internal static class DigestSubject
{
    /// <summary>Subjects beyond this are cut in most inbox lists; the theme title is shortened to fit.</summary>
    public const int MaxLength = 90;

    private static readonly HashSet<string> s_smallWords = new(StringComparer.OrdinalIgnoreCase) { "and", "or", "of", "the", "a", "an", "in", "for", "to", "with", "across" };

    /// <summary>E.g. "3 updates in Tackling violence and exploitation and 1 other theme: 1 new, 2 changed".</summary>
    public static string For(DigestAudience audience)
    {
        var items = audience.Items.ToList();
        var lead = audience.Sections.OrderByDescending(s => s.Items.Count).First();
        var others = audience.Sections.Count - 1;
        var count = items.Count == 1 ? "1 update" : $"{items.Count} updates";
        var otherThemes = audience.Sections.Where(s => s != lead).All(s => s.Kind == DigestSectionKind.Theme)
            ? others switch { 0 => "", 1 => " and 1 other theme", _ => $" and {others} other themes" }
            : $" and {others} more";
        var kinds = string.Join(", ", new[]
        {
            Part(items, DigestChangeKind.New, "new"),
            Part(items, DigestChangeKind.Changed, "changed"),
            Part(items, DigestChangeKind.Removed, "removed"),
        }.Where(p => p is not null));

        var fixedLength = $"{count} in {otherThemes}: {kinds}".Length;
        var theme = Shorten(lead.Kind == DigestSectionKind.CaseStudies ? "case studies you follow" : lead.Theme, Math.Max(12, MaxLength - fixedLength));
        return $"{count} in {theme}{otherThemes}: {kinds}";
    }

    private static string? Part(List<DigestChange> items, DigestChangeKind kind, string word)
    {
        var n = items.Count(i => i.Kind == kind);
        return n == 0 ? null : $"{n} {word}";
    }

    private static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        var kept = (cut > max / 2 ? text[..cut] : text[..(max - 1)]).TrimEnd(',', ' ');
        // "Tackling violence and…" reads as a stutter before " and 1 other theme": end on a content word.
        while (kept.LastIndexOf(' ') is var space and > 0 && s_smallWords.Contains(kept[(space + 1)..]))
        {
            kept = kept[..space].TrimEnd(',', ' ');
        }

        return kept + DiffExcerpt.Gap;
    }

}
