using System.Net;
using System.Net.Sockets;

namespace Pcc.LocalHost.Emulators;

/// <summary>Loopback port checks.</summary>
public static class PortProbe
{
    /// <summary>Whether something accepts connections on <c>127.0.0.1:{port}</c>.</summary>
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
}
