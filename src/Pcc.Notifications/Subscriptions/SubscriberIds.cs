using System.Security.Cryptography;
using System.Text;

namespace Pcc.Notifications.Subscriptions;

/// <summary>
/// A subscriber's id: the first 128 bits of SHA-256 over their normalised address, as 32 lower-case hex digits. The
/// same address always gives the same id, so "is this address known?" is a point read, and the address itself is
/// never a key (keys show up in logs, metrics and URLs; the address stays a property).
/// </summary>
public static class SubscriberIds
{
    /// <summary>The number of bytes of an id.</summary>
    public const int ByteLength = 16;

    /// <summary>The id of an address already normalised by <see cref="EmailAddressRule"/>.</summary>
    public static string ForAddress(string normalisedAddress)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalisedAddress), hash);
        return Convert.ToHexStringLower(hash[..ByteLength]);
    }

    /// <summary>True for 32 lower-case hex digits.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: ByteLength * 2 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
