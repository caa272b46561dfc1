using System.Net;
using Pcc.Functions.Subscriptions;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>
/// Which client a request is counted against. Through the worker the host sets <c>X-Forwarded-For</c> to the address
/// that connected to it, so what a chain of proxies would send is checked here on the function's own request.
/// </summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.10", "203.0.113.10")]
    [InlineData("203.0.113.10, 10.0.0.1", "203.0.113.10")]
    [InlineData("203.0.113.11:50123", "203.0.113.11")]
    [InlineData("[2001:db8:1:2:3:4:5:6]:443, 10.0.0.1", "2001:db8:1:2::/64")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7")]
    public void TheFirstForwardedAddressWithoutItsPortIsTheClient(string forwardedFor, string client)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;

        Assert.Equal(client, ClientAddress.Of(context));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    public void WithoutAForwardedAddressTheConnectionIsTheClient(string forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.5");
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;

        Assert.Equal("192.0.2.5", ClientAddress.Of(context));
    }
}
