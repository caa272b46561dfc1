using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions.Subscriptions.Models;

/// <summary>A subscription as its owner sees it through their manage link.</summary>
/// <param name="Email">The subscribed address.</param>
/// <param name="Themes">Theme slugs.</param>
/// <param name="Frequency"><c>immediate</c>, <c>daily</c> or <c>weekly</c>.</param>
/// <param name="Status"><c>pending</c>, <c>active</c>, <c>unsubscribed</c> or <c>suppressed</c>.</param>
/// <param name="IncludeMinorCorrections">Editorial changes (minor corrections) are sent too.</param>
/// <param name="Briefings">Followed briefing slugs.</param>
/// <param name="CaseStudies">Followed case-study keys.</param>
public sealed record SubscriptionView(string Email, IReadOnlyList<string> Themes, string Frequency, string Status, bool IncludeMinorCorrections,
    IReadOnlyList<string> Briefings, IReadOnlyList<string> CaseStudies)
{
    /// <summary>The view of <paramref name="subscriber"/>.</summary>
    public static SubscriptionView From(Subscriber subscriber) =>
        new(subscriber.Address, subscriber.Themes, SubscriptionNames.Of(subscriber.Frequency), SubscriptionNames.Of(subscriber.Status), subscriber.IncludeMinorCorrections,
            subscriber.Briefings, subscriber.CaseStudies);
}
