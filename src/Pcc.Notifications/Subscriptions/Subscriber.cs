using Pcc.Notifications.Digests;

namespace Pcc.Notifications.Subscriptions;

/// <summary>A subscriber as the rest of the system sees them.</summary>
/// <param name="Id">See <see cref="SubscriberIds"/>.</param>
/// <param name="Address">The normalised address.</param>
/// <param name="Themes">The confirmed theme slugs (empty until the first confirmation).</param>
/// <param name="Frequency">The confirmed frequency.</param>
/// <param name="Status">Where they are in the life cycle.</param>
/// <param name="Generation">The token generation: links issued under an older one no longer manage or confirm.</param>
public sealed record Subscriber(string Id, string Address, IReadOnlyList<string> Themes, DigestFrequency Frequency, SubscriberStatus Status, int Generation)
{
    /// <summary>When the address first asked to subscribe.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the current subscription was confirmed.</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>When they last unsubscribed.</summary>
    public DateTimeOffset? UnsubscribedAt { get; init; }

    /// <summary>They also want minor corrections (editorial changes) in their digests; off unless they ask.</summary>
    public bool IncludeMinorCorrections { get; init; }

    /// <summary>The slugs of the briefings they follow.</summary>
    public IReadOnlyList<string> Briefings { get; init; } = [];

    /// <summary>The keys of the case studies they follow.</summary>
    public IReadOnlyList<string> CaseStudies { get; init; } = [];

    /// <summary>Everything they follow.</summary>
    public Follows Follows => new(Themes, Briefings, CaseStudies);
}
