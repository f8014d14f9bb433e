using System.Diagnostics;
using System.Globalization;

namespace Broadsheet.Bench.VoteStorm;

/// <summary>
/// CPU time of the app (from /proc, when its pid is given) and of this client over the storm,
/// and the app's peak thread count: on 2 shared cores, says who had the CPU.
/// </summary>
public sealed class ProcessWatch : IAsyncDisposable
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly int? pid;
    private readonly TimeSpan selfStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly double? appStart;
    private readonly long? overflowsStart = ListenOverflows();
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampler;
    private int peakThreads;

    public ProcessWatch(int? appPid)
    {
        pid = appPid;
        appStart = AppCpu();
        sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (AppThreads() is int n && n > peakThreads) peakThreads = n;
                try { await Task.Delay(100, stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    /// <param name="AppCpuSeconds">utime + stime of the app over the storm: what a vote costs, whatever else the box is doing.</param>
    /// <param name="ListenOverflows">
    /// Connections the kernel dropped because a listen queue was full (TcpExt ListenOverflows, for the
    /// whole network namespace, so other servers' count too): each such client waits for a SYN-ACK
    /// retransmit, a whole second, which shows as a slow first second of the storm.
    /// </param>
    public sealed record Usage(double Seconds, double? AppCores, double? AppCpuSeconds, double ClientCores, int? AppPeakThreads, long? ListenOverflows)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"CPU over the storm ({Environment.ProcessorCount} cores): app {(AppCores is { } a ? $"{a:0.00}" : "?")} cores " +
            $"({(AppCpuSeconds is { } s ? $"{s:0.00}" : "?")} CPU s), " +
            $"VoteStorm {ClientCores:0.00} cores; app threads at most {(AppPeakThreads?.ToString(CultureInfo.InvariantCulture) ?? "?")}; " +
            $"listen queue overflows {(ListenOverflows?.ToString(CultureInfo.InvariantCulture) ?? "?")}");
    }

    public async Task<Usage> StopAsync()
    {
        await stop.CancelAsync();
        await sampler;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var self = (Process.GetCurrentProcess().TotalProcessorTime - selfStart).TotalSeconds;
        var cpu = AppCpu() is { } end && appStart is { } begin ? end - begin : (double?)null;
        var overflows = ListenOverflows() is { } after && overflowsStart is { } before ? after - before : (long?)null;
        return new Usage(seconds, cpu / seconds, cpu, self / seconds, pid is null ? null : peakThreads, overflows);
    }

    private double? AppCpu()
    {
        if (pid is not int p) return null;
        try
        {
            // Fields after the ")" of the command name: state is the 3rd field; utime and stime the 14th and 15th.
            var stat = File.ReadAllText($"/proc/{p}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException) { return null; }
    }

    /// <summary>TcpExt ListenOverflows from /proc/net/netstat: a header line of names, then a line of values.</summary>
    private static long? ListenOverflows()
    {
        try
        {
            var lines = File.ReadAllLines("/proc/net/netstat").Where(l => l.StartsWith("TcpExt:", StringComparison.Ordinal)).ToArray();
            if (lines.Length < 2) return null;
            var i = Array.IndexOf(lines[0].Split(' '), "ListenOverflows");
            return i < 0 ? null : long.Parse(lines[1].Split(' ')[i], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return null; }
    }

    private int? AppThreads()
    {
        if (pid is not int p) return null;
        try
        {
            var line = File.ReadLines($"/proc/{p}/status").FirstOrDefault(l => l.StartsWith("Threads:", StringComparison.Ordinal));
            return line is null ? null : int.Parse(line[8..].Trim(), CultureInfo.InvariantCulture);
        }
        catch (IOException) { return null; }
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested) await StopAsync();
        stop.Dispose();
    }
}
