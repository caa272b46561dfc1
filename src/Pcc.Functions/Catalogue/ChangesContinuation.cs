using System.Buffers.Text;
using System.Text;

namespace Pcc.Functions.Catalogue;

/// <summary>
/// The <c>continuation</c> of <c>GET /api/changes</c>: the table service's continuation (next partition and row key),
/// base64url-encoded so it travels in a URL as one opaque token.
/// </summary>
public static class ChangesContinuation
{
    private const int MaxLength = 2048;

    /// <summary>The token for a service continuation.</summary>
    public static string Encode(string continuation) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(continuation));

    /// <summary>The service continuation in a token; null when there is none, "" when the token is not one <see cref="Encode"/> made.</summary>
    public static string? Decode(string? token)
    {
        if (token is null)
        {
            return null;
        }

        if (token.Length is 0 or > MaxLength || !Base64Url.IsValid(token))
        {
            return "";
        }

        return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
    }
}
