using System.Security.Cryptography;
using System.Text;

namespace Pcc.Notifications.Subscriptions;

/// <summary>
/// Keyed ids of addresses: HMAC-SHA256, under a key of the app's own (kept like the token secret, see
/// <see cref="TokenSecretStore"/>), of a <see cref="SubscriberIds">subscriber id</see>. Unlike the id, which anyone can
/// compute from a guessed address, a keyed id says nothing without the key: it is what logs carry and what is kept of
/// an address after it unsubscribes or bounces (<see cref="SuppressionEntity"/>).
/// </summary>
public sealed class SubscriberKeys
{
    /// <summary>The blob in the secrets container that holds the key (generated on first use).</summary>
    public const string BlobName = "subscriber-address-key";

    private readonly TokenSecretStore _key;

    /// <summary>Uses the key <paramref name="key"/> holds.</summary>
    public SubscriberKeys(TokenSecretStore key) => _key = key;

    /// <summary>The keyed id of a subscriber id: 32 lower-case hex digits.</summary>
    public async Task<string> ForIdAsync(string subscriberId, CancellationToken cancellationToken = default)
    {
        var key = await _key.GetAsync(cancellationToken);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(subscriberId));
        return Convert.ToHexStringLower(mac.AsSpan(0, SubscriberIds.ByteLength));
    }

    /// <summary>The keyed id of an address (any spelling).</summary>
    public Task<string> ForAddressAsync(string normalisedAddress, CancellationToken cancellationToken = default) =>
        ForIdAsync(SubscriberIds.ForAddress(normalisedAddress), cancellationToken);
}
