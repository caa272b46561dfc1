using System.Net;
using System.Net.Sockets;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// The client a request is counted against for rate limiting. Behind Azure's front end the connection comes from the
/// proxy, which appends the address that connected to it to any <c>X-Forwarded-For</c> the client sent; so the LAST
/// entry is the one the platform guarantees (earlier ones are whatever the client wrote) and is used when present (ports
/// are dropped); otherwise the connection's remote address. IPv6 clients are counted per /64, the block one subscriber
/// line usually gets, so rotating addresses within it does not reset the count.
/// </summary>
public static class ClientAddress
{
    /// <summary>The partition key for <paramref name="context"/>'s client.</summary>
    public static string Of(HttpContext context)
    {
        // The nearest proxy's entry is the rightmost: https://learn.microsoft.com/aspnet/core/host-and-deploy/proxy-load-balancer#forwarded-headers
        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
        var last = forwarded[(forwarded.LastIndexOf(',') + 1)..].Trim();
        if (last.Length > 0 && IPEndPoint.TryParse(last, out var endpoint))
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
