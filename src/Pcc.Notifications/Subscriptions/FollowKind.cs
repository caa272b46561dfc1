namespace Pcc.Notifications.Subscriptions;

/// <summary>What kind of thing a subscriber follows.</summary>
public enum FollowKind
{
    /// <summary>A theme of the taxonomy, by slug.</summary>
    Theme,

    /// <summary>A briefing, by slug.</summary>
    Briefing,

    /// <summary>A case study, by key.</summary>
    CaseStudy,
}
