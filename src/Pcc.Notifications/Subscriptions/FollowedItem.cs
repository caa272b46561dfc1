namespace Pcc.Notifications.Subscriptions;

/// <summary>One followed thing as people see it: its kind, id and title.</summary>
/// <param name="Kind">Theme, briefing or case study.</param>
/// <param name="Id">The slug or key.</param>
/// <param name="Title">
/// Its name or title; null when the catalogue does not know it: never held it, or, for something a subscriber follows,
/// no longer holds it (its briefing was taken out of the catalogue).
/// </param>
/// <param name="Removed">For a case study: it is no longer in any current briefing (its page says when it left).</param>
public sealed record FollowedItem(FollowKind Kind, string Id, string? Title, bool Removed = false)
{
    /// <summary>Known to the catalogue (or the taxonomy).</summary>
    public bool Known => Title is not null;

    /// <summary>The title, or the id when the title is unknown.</summary>
    public string Name => Title ?? Id;

    /// <summary>How a list of mixed follows names it: "Briefing: …", "Case study: …", a theme by its name.</summary>
    public string Label => Kind switch
    {
        FollowKind.Briefing => $"Briefing: {Name}",
        FollowKind.CaseStudy => Removed ? $"Case study: {Name} (removed)" : $"Case study: {Name}",
        _ => Name,
    };

    /// <summary>The path of its page on the site.</summary>
    public string Path => Kind switch
    {
        FollowKind.Briefing => $"/briefings/{Uri.EscapeDataString(Id)}",
        FollowKind.CaseStudy => $"/case-studies/{Uri.EscapeDataString(Id)}",
        _ => $"/themes/{Uri.EscapeDataString(Id)}",
    };
}
