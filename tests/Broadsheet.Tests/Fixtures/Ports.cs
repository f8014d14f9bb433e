using System.Net;
using System.Net.Sockets;

namespace Broadsheet.Tests.Fixtures;

/// <summary>Free loopback ports, asked of the kernel rather than guessed.</summary>
public static class Ports
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
