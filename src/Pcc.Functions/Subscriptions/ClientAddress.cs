using System.Net;
using System.Net.Sockets;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// The client a request is counted against for rate limiting: the connection's remote address as the worker presents it.
/// Azure's front end appends the address that connected to it to any <c>X-Forwarded-For</c> the client sent, and the
/// worker's ASP.NET Core integration runs the forwarded-headers middleware, which moves that last entry (the one the
/// platform guarantees) into the connection's remote address; what remains in the header is whatever the client wrote,
/// so it is never read here. IPv6 clients are counted per /64, the block one subscriber line usually gets, so rotating
/// addresses within it does not reset the count.
/// </summary>
public static class ClientAddress
{
    /// <summary>The partition key for <paramref name="context"/>'s client.</summary>
    // The middleware takes the rightmost entry, the nearest proxy's: https://learn.microsoft.com/aspnet/core/host-and-deploy/proxy-load-balancer#forwarded-headers-middleware-options
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress is { } remote ? Key(remote) : "unknown";

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
