using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// Debian's redis-server as a child process on a free loopback port, in memory only (no RDB
/// snapshot, no append-only file), so nothing is written to disk and nothing outlives the test.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    public int Port { get; }

    /// <summary>What the app's Redis:Configuration needs to reach this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    private RedisServer(int port, Process process)
    {
        Port = port;
        this.process = process;
    }

    public static async Task<RedisServer> StartAsync()
    {
        var port = Ports.Free();
        var psi = new ProcessStartInfo("redis-server") { WorkingDirectory = "/", RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" }) psi.ArgumentList.Add(a);
        var server = new RedisServer(port, Process.Start(psi) ?? throw new InvalidOperationException("Could not start redis-server"));
        server.process.OutputDataReceived += (_, e) => { lock (server.output) server.output.AppendLine(e.Data); };
        server.process.ErrorDataReceived += (_, e) => { lock (server.output) server.output.AppendLine(e.Data); };
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        await server.WaitForPongAsync();
        return server;
    }

    public string Output { get { lock (output) return output.ToString(); } }

    /// <summary>Ready means it answers PING, not merely that the process exists.</summary>
    private async Task WaitForPongAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited) break;
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, Port);
                var stream = tcp.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal)) return;
            }
            catch (SocketException) { }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"redis-server did not answer PING on port {Port}:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
