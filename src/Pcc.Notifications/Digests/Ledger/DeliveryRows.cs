using Pcc.Notifications.Email;

namespace Pcc.Notifications.Digests.Ledger;

/// <summary>The delivery rows a run writes: a new claim, a claim taken over, and the outcome the transport reported.</summary>
internal static class DeliveryRows
{
    private const int MaxDetailLength = 1024;

    public static DeliveryEntity NewClaim(DigestWindow window, DigestRecipient recipient, string themeSet, string instance, DateTimeOffset now) => new()
    {
        PartitionKey = DeliveryEntity.PartitionFor(window, recipient.SubscriberId),
        RowKey = DeliveryEntity.RowKeyFor(recipient.SubscriberId),
        SubscriberId = recipient.SubscriberId,
        Email = recipient.Email,
        Status = DeliveryState.Claimed,
        Attempts = 1,
        RunInstance = instance,
        ClaimedAt = now,
        ThemeSet = themeSet,
    };

    public static DeliveryEntity Retake(DeliveryEntity row, DigestRecipient recipient, string themeSet, string instance, DateTimeOffset now) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        ETag = row.ETag,
        SubscriberId = row.SubscriberId,
        Email = recipient.Email,
        Status = DeliveryState.Claimed,
        Attempts = row.Attempts + 1,
        RunInstance = instance,
        ClaimedAt = now,
        Detail = row.Detail,
        ThemeSet = themeSet,
    };

    public static DeliveryEntity Outcome(DeliveryEntity claim, DeliveryResult result, DateTimeOffset answeredAt, int maxAttempts)
    {
        var (status, detail) = result.Status switch
        {
            DeliveryStatus.Accepted => (DeliveryState.Sent, result.Detail),
            DeliveryStatus.Deferred when claim.Attempts >= maxAttempts =>
                (DeliveryState.Failed, $"gave up after {claim.Attempts} attempts: {result.Detail}"),
            DeliveryStatus.Deferred => (DeliveryState.Deferred, result.Detail),
            _ => (DeliveryState.Failed, result.Detail),
        };

        return new DeliveryEntity
        {
            PartitionKey = claim.PartitionKey,
            RowKey = claim.RowKey,
            SubscriberId = claim.SubscriberId,
            Email = claim.Email,
            Status = status,
            Attempts = claim.Attempts,
            RunInstance = claim.RunInstance,
            ClaimedAt = claim.ClaimedAt,
            SentAt = status == DeliveryState.Sent ? answeredAt : null,
            Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail,
            ThemeSet = claim.ThemeSet,
        };
    }
}
