using System.Net;
using System.Net.Sockets;

namespace Pcc.Testing;

/// <summary>
/// Finds loopback ports that nothing listens on, for a server a test starts a moment later. The ports come from below
/// the system's ephemeral range: a port the system picked (port 0) is one it also hands to outgoing connections, and a
/// test's many connections to its emulators took one such port between this check and the server's bind. Within a
/// process no port is handed out twice; processes start at random places in the range.
/// </summary>
public static class FreePort
{
    private static readonly object Gate = new();
    private static readonly (int First, int Last) Range = PortsBelowEphemeral();
    private static int _next = Random.Shared.Next(Range.First, Range.Last + 1);

    /// <summary>The lowest port handed out, above the well-known and most registered services' ports.</summary>
    public const int Lowest = 10_000;

    /// <summary>A loopback port nothing listens on now, outside the system's ephemeral range, not handed out before by this process.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            var size = Range.Last - Range.First + 1;
            for (var tried = 0; tried < size; tried++)
            {
                var port = _next;
                _next = port == Range.Last ? Range.First : port + 1;
                if (CanBind(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port in {Range.First}-{Range.Last}.");
    }

    /// <summary>The ports <see cref="Next"/> picks from: from <see cref="Lowest"/> to just below the ephemeral range.</summary>
    public static (int First, int Last) Candidates => Range;

    /// <summary>
    /// The system's ephemeral range: Linux's <c>ip_local_port_range</c>, else IANA's 49152-65535 (Windows' and macOS'
    /// default).
    /// </summary>
    public static (int First, int Last) EphemeralRange()
    {
        const string linux = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(linux)
            && File.ReadAllText(linux).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [var low, var high]
            && int.TryParse(low, out var first) && int.TryParse(high, out var last))
        {
            return (first, last);
        }

        return (49152, 65535);
    }

    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static (int First, int Last) PortsBelowEphemeral()
    {
        var (ephemeralFirst, _) = EphemeralRange();
        if (ephemeralFirst - 1 - Lowest < 1_000)
        {
            throw new InvalidOperationException(
                $"The ephemeral port range starts at {ephemeralFirst}, leaving too few ports between {Lowest} and it for test servers.");
        }

        return (Lowest, ephemeralFirst - 1);
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
