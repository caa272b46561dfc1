namespace Pcc.Notifications.Digests;

/// <summary>What happened to a case study.</summary>
public enum DigestChangeKind
{
    /// <summary>It appeared for the first time.</summary>
    New,

    /// <summary>Its text changed.</summary>
    Changed,

    /// <summary>It is no longer in its briefing.</summary>
    Removed,
}
