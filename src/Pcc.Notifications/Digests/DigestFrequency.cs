namespace Pcc.Notifications.Digests;

/// <summary>How often a subscriber hears about changes in their themes.</summary>
public enum DigestFrequency
{
    /// <summary>An alert for each five-minute window with changes, so an ingest is announced within ten minutes.</summary>
    Immediate,

    /// <summary>One digest a day, at 07:30 UK time.</summary>
    Daily,

    /// <summary>One digest a week, on Monday at 07:30 UK time.</summary>
    Weekly,
}
