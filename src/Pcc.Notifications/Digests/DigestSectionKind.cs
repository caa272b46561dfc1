namespace Pcc.Notifications.Digests;

/// <summary>Why a digest section's changes reach its reader.</summary>
public enum DigestSectionKind
{
    /// <summary>They follow the theme.</summary>
    Theme,

    /// <summary>They follow the briefing.</summary>
    Briefing,

    /// <summary>They follow each of these case studies.</summary>
    CaseStudies,
}
