namespace Pcc.Notifications.Digests;

/// <summary>An active subscriber as the digest engine needs them.</summary>
/// <param name="SubscriberId">The subscriber's stable id; the delivery ledger is keyed by it.</param>
/// <param name="Email">Where to send.</param>
/// <param name="Themes">The slugs of the themes they follow.</param>
/// <param name="Frequency">How often they want digests.</param>
/// <param name="ManageUrl">Their signed link to manage what they follow and how often.</param>
/// <param name="UnsubscribeUrl">Their signed one-click unsubscribe link (RFC 8058: it must accept a POST).</param>
/// <param name="IncludeMinorCorrections">They also want editorial changes (corrections that leave what a case study says as it was).</param>
public sealed record DigestRecipient(
    string SubscriberId,
    string Email,
    IReadOnlyList<string> Themes,
    DigestFrequency Frequency,
    string ManageUrl,
    string UnsubscribeUrl,
    bool IncludeMinorCorrections = false)
{
    /// <summary>The slugs of the briefings they follow.</summary>
    public IReadOnlyList<string> Briefings { get; init; } = [];

    /// <summary>The keys of the case studies they follow.</summary>
    public IReadOnlyList<string> CaseStudies { get; init; } = [];
}
