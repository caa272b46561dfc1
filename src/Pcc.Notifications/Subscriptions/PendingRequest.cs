using Pcc.Notifications.Digests;
using System.Text.Json;

namespace Pcc.Notifications.Subscriptions;

/// <summary>
/// One subscribe request waiting for its confirmation link, kept under the token generation its link carries, so
/// following a link confirms exactly what that link's email said, whatever was requested for the address since.
/// </summary>
/// <param name="Generation">The generation in the request's confirmation link.</param>
/// <param name="Address">The address as typed in the request: mail goes to it as typed.</param>
/// <param name="Themes">The requested theme slugs, comma-separated.</param>
/// <param name="Frequency">The requested frequency.</param>
/// <param name="At">When it was requested; it is deleted once its link has expired.</param>
/// <param name="IncludeMinorCorrections">Whether minor corrections were asked for (requests kept before the choice existed read as no).</param>
/// <param name="Briefings">The requested briefing slugs, comma-separated (none in requests kept before briefings could be followed).</param>
/// <param name="CaseStudies">The requested case-study keys, comma-separated.</param>
internal sealed record PendingRequest(int Generation, string Address, string Themes, DigestFrequency Frequency, DateTimeOffset At, bool IncludeMinorCorrections = false,
    string Briefings = "", string CaseStudies = "")
{
    /// <summary>The most requests kept per address; an older link then asks for a newer one.</summary>
    public const int MaxKept = 10;

    // The requests share one string property (at most 32K characters): the oldest go first when they would not fit.
    private const int MaxStoredLength = 30_000;

    /// <summary>What the request asks to follow.</summary>
    public Follows Follows => new(SubscriberEntity.SplitThemes(Themes), Subscriptions.Follows.Split(Briefings), Subscriptions.Follows.Split(CaseStudies));

    public static List<PendingRequest> Read(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<PendingRequest>>(json) ?? [];

    public static string Write(IReadOnlyCollection<PendingRequest> requests)
    {
        var kept = requests.TakeLast(MaxKept).ToList();
        var json = kept.Count == 0 ? "" : JsonSerializer.Serialize(kept);
        while (json.Length > MaxStoredLength && kept.Count > 1)
        {
            kept.RemoveAt(0);
            json = JsonSerializer.Serialize(kept);
        }

        return json;
    }
}
