namespace Pcc.Notifications.Digests;

/// <summary>
/// Recipients who follow exactly the same themes, briefings and case studies, with the same choice about minor
/// corrections, and so get exactly the same digest (their links differ, through substitutions): one rendering and one
/// email batch serve them all.
/// </summary>
/// <param name="FollowSet">What they follow, as <see cref="DigestPlanner.FollowSetOf"/> writes it: the audience's identity.</param>
/// <param name="FollowedThemes">The titles of the themes they follow, for "You follow: …".</param>
/// <param name="Sections">
/// Their changes, never empty, each once: the case studies they follow, then each followed briefing's other changes,
/// then one section per followed theme with the rest.
/// </param>
/// <param name="Recipients">Who gets this digest.</param>
/// <param name="IncludesMinorCorrections">Its sections include editorial changes, which the recipients asked for.</param>
public sealed record DigestAudience(
    string FollowSet,
    IReadOnlyList<string> FollowedThemes,
    IReadOnlyList<DigestThemeSection> Sections,
    IReadOnlyList<DigestRecipient> Recipients,
    bool IncludesMinorCorrections = false)
{
    /// <summary>All the audience's items.</summary>
    public IEnumerable<DigestChange> Items => Sections.SelectMany(s => s.Items);

    /// <summary>The titles of the briefings they follow that the window names; the others are only counted.</summary>
    public IReadOnlyList<string> FollowedBriefings { get; init; } = [];

    /// <summary>How many followed briefings the window does not name.</summary>
    public int OtherFollowedBriefings { get; init; }

    /// <summary>How many case studies they follow one by one.</summary>
    public int FollowedCaseStudies { get; init; }

    /// <summary>What they follow, as the footer says it: "Theme A, Theme B, the briefing X and 2 case studies".</summary>
    public string Following
    {
        get
        {
            var parts = FollowedThemes.ToList();
            parts.AddRange(FollowedBriefings.Select(b => $"the briefing {b}"));
            if (OtherFollowedBriefings > 0)
            {
                var other = FollowedBriefings.Count > 0 ? " other" : "";
                parts.Add(OtherFollowedBriefings == 1 ? $"1{other} briefing" : $"{OtherFollowedBriefings}{other} briefings");
            }

            if (FollowedCaseStudies > 0)
            {
                parts.Add(FollowedCaseStudies == 1 ? "1 case study" : $"{FollowedCaseStudies} case studies");
            }

            return FollowedBriefings.Count + OtherFollowedBriefings + FollowedCaseStudies == 0 || parts.Count == 1
                ? string.Join(", ", parts)
                : string.Join(", ", parts[..^1]) + " and " + parts[^1];
        }
    }
}
