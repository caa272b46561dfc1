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
internal sealed record PendingRequest(int Generation, string Address, string Themes, DigestFrequency Frequency, DateTimeOffset At, bool IncludeMinorCorrections = false)
{
    /// <summary>The most requests kept per address; an older link then asks for a newer one.</summary>
    public const int MaxKept = 10;

    public static List<PendingRequest> Read(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<PendingRequest>>(json) ?? [];

    public static string Write(IReadOnlyCollection<PendingRequest> requests) =>
        requests.Count == 0 ? "" : JsonSerializer.Serialize(requests);
}
