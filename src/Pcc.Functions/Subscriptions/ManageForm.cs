using Pcc.Notifications.Digests;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions.Subscriptions;

/// <summary>What the manage page's form shows ticked, or what it posted.</summary>
/// <param name="Themes">Theme slugs ticked.</param>
/// <param name="Briefings">Briefing slugs ticked.</param>
/// <param name="CaseStudies">Case-study keys ticked.</param>
/// <param name="Frequency">The frequency chosen, if any.</param>
/// <param name="IncludeMinorCorrections">Whether minor corrections are ticked.</param>
public sealed record ManageForm(IReadOnlyList<string> Themes, IReadOnlyList<string> Briefings, IReadOnlyList<string> CaseStudies, DigestFrequency? Frequency, bool IncludeMinorCorrections)
{
    /// <summary>The subscriber's settings as stored.</summary>
    public static ManageForm Of(Subscriber subscriber) =>
        new(subscriber.Themes, subscriber.Briefings, subscriber.CaseStudies, subscriber.Frequency, subscriber.IncludeMinorCorrections);

    /// <summary>Whether the item is ticked.</summary>
    public bool Ticks(FollowedItem item) => Follows.Includes(item);

    /// <summary>What is ticked, as follows.</summary>
    public Follows Follows => new(Themes, Briefings, CaseStudies);
}
