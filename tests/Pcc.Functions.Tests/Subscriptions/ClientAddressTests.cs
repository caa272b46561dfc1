using System.Net;
using Pcc.Functions.Subscriptions;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>
/// Which client a request is counted against: the connection's address, which the worker's forwarded-headers step sets
/// from the last <c>X-Forwarded-For</c> entry, the one the platform's front end appends. What is left in the header is
/// the client's own writing (what the local front door forwards is checked in Pcc.LocalHost.Tests, WorkerHostTests;
/// that a forging client is counted by its real address, in SubscriptionLinkLimitTests).
/// </summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.10", "203.0.113.10")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7")]
    public void TheConnectionsAddressIsTheClient(string remote, string client)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);

        Assert.Equal(client, ClientAddress.Of(context));
    }

    [Fact]
    public void WhatTheClientWroteInXForwardedForIsIgnored()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.5");
        context.Request.Headers["X-Forwarded-For"] = "198.51.100.1";

        Assert.Equal("192.0.2.5", ClientAddress.Of(context));
    }
}
