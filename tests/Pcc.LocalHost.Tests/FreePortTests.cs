using System.Net;
using System.Net.Sockets;
using Pcc.Testing;

namespace Pcc.LocalHost.Tests;

/// <summary>The ports the tests' servers start on: never one the system may hand to an outgoing connection meanwhile.</summary>
public sealed class FreePortTests
{
    [Fact]
    public void PortsComeFromBelowTheEphemeralRangeAndAreNeverHandedOutTwice()
    {
        var (ephemeralFirst, _) = FreePort.EphemeralRange();
        var ports = Enumerable.Range(0, 200).Select(_ => FreePort.Next()).ToList();

        Assert.All(ports, p => Assert.InRange(p, FreePort.Lowest, ephemeralFirst - 1));
        Assert.Equal(ports.Count, ports.Distinct().Count());
    }

    [Fact]
    public void APortSomethingListensOnIsNotHandedOut()
    {
        // Listen on the next candidates, in order, then ask: none of them may come back.
        var (first, last) = FreePort.Candidates;
        var probe = FreePort.Next();
        var held = new List<TcpListener>();
        try
        {
            for (var port = probe + 1; held.Count < 5 && port <= last; port++)
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                try
                {
                    listener.Start();
                    held.Add(listener);
                }
                catch (SocketException)
                {
                    listener.Dispose();
                }
            }

            var taken = held.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToHashSet();
            var next = Enumerable.Range(0, 5).Select(_ => FreePort.Next()).ToList();

            Assert.DoesNotContain(next, taken.Contains);
            Assert.All(next, p => Assert.InRange(p, first, last));
        }
        finally
        {
            held.ForEach(l => l.Dispose());
        }
    }
}
