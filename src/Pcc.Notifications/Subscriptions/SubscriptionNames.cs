using Pcc.Notifications.Digests;

namespace Pcc.Notifications.Subscriptions;

/// <summary>The lower-case names the API, pages and tokens use for frequencies and statuses.</summary>
public static class SubscriptionNames
{
    /// <summary>The accepted frequency names, in order.</summary>
    public static IReadOnlyList<string> Frequencies { get; } = Enum.GetValues<DigestFrequency>().Select(Of).ToArray();

    /// <summary><c>immediate</c>, <c>daily</c> or <c>weekly</c>.</summary>
    public static string Of(DigestFrequency frequency) => frequency.ToString().ToLowerInvariant();

    /// <summary><c>pending</c>, <c>active</c>, <c>unsubscribed</c> or <c>suppressed</c>.</summary>
    public static string Of(SubscriberStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Reads a frequency name exactly as <see cref="Of(DigestFrequency)"/> writes it (no numbers, no other case).</summary>
    public static bool TryParseFrequency(string? text, out DigestFrequency frequency)
    {
        foreach (var candidate in Enum.GetValues<DigestFrequency>())
        {
            if (string.Equals(text, Of(candidate), StringComparison.Ordinal))
            {
                frequency = candidate;
                return true;
            }
        }

        frequency = default;
        return false;
    }
}
