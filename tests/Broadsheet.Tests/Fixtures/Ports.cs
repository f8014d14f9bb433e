using System.Net;
using System.Net.Sockets;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// Free loopback ports for the apps, PostgreSQL, Redis and nginx the tests start. Not the
/// kernel's "port 0": that hands out an ephemeral port (32768–60999 on Linux), and between
/// picking it and the server binding it, any outgoing connection of the busy suite (a database
/// client, an HTTP client) may be given the same port, so the server fails with "address already
/// in use". Ports below the ephemeral range are never given to outgoing connections; each is
/// checked by binding it, and handed out once per process.
/// </summary>
public static class Ports
{
    private const int First = 20_000, Last = 32_000;
    private static int next = First + Environment.ProcessId % (Last - First);

    public static int Free()
    {
        for (var tries = 0; tries < Last - First; tries++)
        {
            var port = First + (Interlocked.Increment(ref next) - First) % (Last - First);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken by something else on the machine: try the next one.
            }
        }
        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }
}
