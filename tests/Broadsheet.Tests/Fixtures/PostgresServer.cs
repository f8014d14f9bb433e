using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's binaries, started once per test process on a
/// free loopback port and removed when the process exits. As root it runs as the postgres user,
/// from a folder under /tmp that the postgres user owns (it cannot enter /root).
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static PostgresServer Shared => Instance.Value;

    /// <summary>A cluster of the caller's own, for a test that stops and starts the server (the outage test).</summary>
    public static PostgresServer StartOwn() => Start();

    private readonly string folder;
    private readonly string bin;

    public int Port { get; }
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=15";

    public string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=20;Timeout=15";

    private PostgresServer(string folder, string bin, int port)
    {
        this.folder = folder;
        this.bin = bin;
        Port = port;
    }

    private static PostgresServer Start()
    {
        var bin = FindBinaries();
        var folder = Path.Combine("/tmp", $"broadsheet-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(folder, bin, Ports.Free());
        if (IsRoot) Run("chown", "postgres:postgres", folder);
        var data = Path.Combine(folder, "data");
        server.RunPg("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        server.Resume();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    /// <summary>Starts the stopped server again on the same port and data; returns once it accepts connections.</summary>
    public void Resume() =>
        RunPg("pg_ctl", "-D", Path.Combine(folder, "data"), "-w", "-t", "60", "-l", Path.Combine(folder, "server.log"), "-o",
            $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            "start");

    /// <summary>An operator's stop: sessions are ended and the server is down when this returns.</summary>
    public void Halt() => RunPg("pg_ctl", "-D", Path.Combine(folder, "data"), "-m", "fast", "-w", "stop");

    public void Stop()
    {
        try { RunPg("pg_ctl", "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"); }
        catch (InvalidOperationException) { /* already gone; still remove the folder */ }
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBinaries()
    {
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL binaries were not found under /usr/lib/postgresql/*/bin. Run ./test.sh, which installs Debian's postgresql package.");
    }

    private void RunPg(string tool, params string[] args)
    {
        var exe = Path.Combine(bin, tool);
        if (IsRoot) Run("runuser", ["-u", "postgres", "--", exe, .. args]);
        else Run(exe, args);
    }

    private static void Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            // The server must not start in a folder the postgres user cannot read.
            WorkingDirectory = "/",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}");
        // Read both streams concurrently so a chatty tool cannot block on a full pipe.
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            p.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} timed out");
        }
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {p.ExitCode}: {stdout.Result}{stderr.Result}");
    }
}
