using System.Net;
using System.Net.Sockets;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// The client a request is counted against for rate limiting. Behind the Functions host and a front door the
/// connection comes from the proxy, so the first <c>X-Forwarded-For</c> address is used when present (ports are
/// dropped); otherwise the connection's remote address. IPv6 clients are counted per /64, the block one subscriber
/// line usually gets, so rotating addresses within it does not reset the count.
/// </summary>
public static class ClientAddress
{
    /// <summary>The partition key for <paramref name="context"/>'s client.</summary>
    public static string Of(HttpContext context)
    {
        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
        var first = forwarded.Split(',', 2)[0].Trim();
        if (first.Length > 0 && IPEndPoint.TryParse(first, out var endpoint))
        {
            return Key(endpoint.Address);
        }

        return context.Connection.RemoteIpAddress is { } remote ? Key(remote) : "unknown";
    }

    private static string Key(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
