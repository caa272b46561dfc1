namespace Pcc.Notifications.Digests;

/// <summary>
/// Recipients who follow exactly the same themes, with the same choice about minor corrections, and so get exactly the same digest (their links differ, through
/// substitutions): one rendering and one email batch serve them all.
/// </summary>
/// <param name="ThemeSet">The followed themes' slugs, sorted and comma-separated: the audience's identity.</param>
/// <param name="FollowedThemes">The titles of the themes they follow, for "You follow: …".</param>
/// <param name="Sections">The changes in their themes, one section per theme with changes, never empty.</param>
/// <param name="Recipients">Who gets this digest.</param>
/// <param name="IncludesMinorCorrections">Its sections include editorial changes, which the recipients asked for.</param>
public sealed record DigestAudience(
    string ThemeSet,
    IReadOnlyList<string> FollowedThemes,
    IReadOnlyList<DigestThemeSection> Sections,
    IReadOnlyList<DigestRecipient> Recipients,
    bool IncludesMinorCorrections = false)
{
    /// <summary>All the audience's items.</summary>
    public IEnumerable<DigestChange> Items => Sections.SelectMany(s => s.Items);
}
