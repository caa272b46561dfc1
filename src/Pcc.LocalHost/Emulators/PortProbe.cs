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

    /// <summary>A port nothing listens on now (the OS picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
