using System.Security.Cryptography;
using System.Text;

namespace Pcc.Notifications.Subscriptions;

/// <summary>
/// A subscriber's id: the first 128 bits of SHA-256 over their normalised address in lower case, as 32 lower-case hex
/// digits. Every spelling of one address (<c>Victim@…</c>, <c>VICTIM@…</c>) gives the same id, so one mailbox is one
/// subscriber, and "is this address known?" is a point read; the address itself is never a key. The id is not a secret
/// (anyone can hash a guessed address): logs and suppression markers use <see cref="SubscriberKeys"/> instead.
/// </summary>
public static class SubscriberIds
{
    /// <summary>The number of bytes of an id.</summary>
    public const int ByteLength = 16;

    /// <summary>The id of an address already normalised by <see cref="EmailAddressRule"/>, whatever its case.</summary>
    public static string ForAddress(string normalisedAddress)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        // Addresses are ASCII in the local part and punycode in the domain, so invariant lower case is the identity.
        SHA256.HashData(Encoding.UTF8.GetBytes(normalisedAddress.ToLowerInvariant()), hash);
        return Convert.ToHexStringLower(hash[..ByteLength]);
    }

    /// <summary>True for 32 lower-case hex digits.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: ByteLength * 2 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
