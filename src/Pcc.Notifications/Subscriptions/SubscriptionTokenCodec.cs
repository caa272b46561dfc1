using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Pcc.Notifications.Subscriptions;

/// <summary>
/// The wire form of a <see cref="SubscriptionToken"/>: base64url (no padding) of a 30-byte payload followed by its
/// HMAC-SHA256. Payload: format version (1), purpose (1), subscriber id (16), expiry in Unix seconds (8, big-endian),
/// generation (4, big-endian). 83 characters, safe in a query string without escaping.
/// </summary>
public static class SubscriptionTokenCodec
{
    /// <summary>The shortest secret accepted: as long as the HMAC-SHA256 output.</summary>
    public const int MinKeyBytes = 32;

    private const byte Version = 1;
    private const int PayloadLength = 2 + SubscriberIds.ByteLength + 8 + 4;
    private const int TokenLength = PayloadLength + HMACSHA256.HashSizeInBytes;
    private const int MaxTextLength = 200;

    /// <summary>Signs and encodes <paramref name="token"/> with <paramref name="key"/>.</summary>
    public static string Encode(SubscriptionToken token, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(token);
        CheckKey(key);
        if (!SubscriberIds.IsValid(token.SubscriberId))
        {
            throw new ArgumentException("The subscriber id must be 32 lower-case hex digits.", nameof(token));
        }

        Span<byte> bytes = stackalloc byte[TokenLength];
        bytes[0] = Version;
        bytes[1] = (byte)token.Purpose;
        Convert.FromHexString(token.SubscriberId, bytes.Slice(2, SubscriberIds.ByteLength), out _, out _);
        BinaryPrimitives.WriteInt64BigEndian(bytes.Slice(2 + SubscriberIds.ByteLength, 8), token.Expires.ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt32BigEndian(bytes.Slice(2 + SubscriberIds.ByteLength + 8, 4), token.Generation);
        HMACSHA256.HashData(key, bytes[..PayloadLength], bytes[PayloadLength..]);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>
    /// Decodes <paramref name="text"/> if it is exactly what <see cref="Encode"/> would have written with
    /// <paramref name="key"/>: a wrong signature, any altered character (including non-canonical base64url) or an
    /// unknown version or purpose is rejected. Expiry is not checked here.
    /// </summary>
    public static bool TryDecode(string? text, ReadOnlySpan<byte> key, [NotNullWhen(true)] out SubscriptionToken? token)
    {
        token = null;
        CheckKey(key);
        if (text is null || text.Length > MaxTextLength)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[MaxTextLength];
        if (Base64Url.DecodeFromChars(text, bytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != text.Length || written != TokenLength)
        {
            return false;
        }

        bytes = bytes[..TokenLength];

        // Two characters can decode to the same bytes when the last one carries unused bits; only the canonical form counts.
        if (!string.Equals(Base64Url.EncodeToString(bytes), text, StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, bytes[..PayloadLength], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[PayloadLength..]))
        {
            return false;
        }

        var purpose = (TokenPurpose)bytes[1];
        if (bytes[0] != Version || !Enum.IsDefined(purpose))
        {
            return false;
        }

        var seconds = BinaryPrimitives.ReadInt64BigEndian(bytes.Slice(2 + SubscriberIds.ByteLength, 8));
        if (seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        token = new SubscriptionToken(
            purpose,
            Convert.ToHexStringLower(bytes.Slice(2, SubscriberIds.ByteLength)),
            DateTimeOffset.FromUnixTimeSeconds(seconds),
            BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(2 + SubscriberIds.ByteLength + 8, 4)));
        return true;
    }

    private static void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"The token secret must be at least {MinKeyBytes} bytes.", nameof(key));
        }
    }
}
