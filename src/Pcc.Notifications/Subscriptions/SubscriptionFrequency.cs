namespace Pcc.Notifications.Subscriptions;

/// <summary>How often a subscriber hears about changes in their themes.</summary>
public enum SubscriptionFrequency
{
    /// <summary>Soon after each briefing is ingested.</summary>
    Immediate,

    /// <summary>One digest a day.</summary>
    Daily,

    /// <summary>One digest a week.</summary>
    Weekly,
}
