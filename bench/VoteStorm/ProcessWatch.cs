using System.Diagnostics;
using System.Globalization;

namespace Broadsheet.Bench.VoteStorm;

/// <summary>
/// CPU time of the app (from /proc, when its pid is given) and of this client over the storm,
/// and the app's peak thread count: on 2 shared cores, says who had the CPU. Also the part of the
/// app's CPU spent on its runtime's own threads, by thread name: the tiered-compilation worker
/// (".NET Tiered Com", re-JITting hot methods; in a freshly started app that is a fixed cost of the
/// first seconds of traffic on a path, not of each vote) and the garbage collector's (".NET Server GC",
/// ".NET BGC"). Threads are sampled every 100 ms, so a thread that ends between two samples loses
/// its last 100 ms: the figures are lower bounds.
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
    // Per runtime thread (tid): its kind, and its CPU ticks when first and last seen during the watch.
    private readonly Dictionary<int, (string Kind, long First, long Last)> runtimeThreads = [];

    public ProcessWatch(int? appPid)
    {
        pid = appPid;
        appStart = AppCpu();
        SampleRuntimeThreads(initial: true);
        sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (AppThreads() is int n && n > peakThreads) peakThreads = n;
                SampleRuntimeThreads(initial: false);
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
    /// <param name="JitSeconds">CPU of the app's tiered-compilation thread over the storm (at least).</param>
    /// <param name="GcSeconds">CPU of the app's garbage-collector threads over the storm (at least).</param>
    public sealed record Usage(double Seconds, double? AppCores, double? AppCpuSeconds, double ClientCores, int? AppPeakThreads, long? ListenOverflows,
        double? JitSeconds = null, double? GcSeconds = null)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"CPU over the storm ({Environment.ProcessorCount} cores): app {(AppCores is { } a ? $"{a:0.00}" : "?")} cores " +
            $"({(AppCpuSeconds is { } s ? $"{s:0.00}" : "?")} CPU s, of which tier-up JIT {(JitSeconds is { } j ? $"{j:0.00}" : "?")} s " +
            $"and GC threads {(GcSeconds is { } g ? $"{g:0.00}" : "?")} s), " +
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
        SampleRuntimeThreads(initial: false);
        double? Kind(string kind) => pid is null ? null
            : runtimeThreads.Values.Where(t => t.Kind == kind).Sum(t => t.Last - t.First) / TicksPerSecond;
        return new Usage(seconds, cpu / seconds, cpu, self / seconds, pid is null ? null : peakThreads, overflows, Kind("jit"), Kind("gc"));
    }

    /// <summary>
    /// Reads the CPU ticks of the app's tiering and GC threads. A thread already running when the
    /// watch starts counts from then; one that starts later counts from zero.
    /// </summary>
    private void SampleRuntimeThreads(bool initial)
    {
        if (pid is not int p) return;
        string[] tasks;
        try { tasks = Directory.GetDirectories($"/proc/{p}/task"); }
        catch (IOException) { return; }
        catch (UnauthorizedAccessException) { return; }
        foreach (var task in tasks)
        {
            try
            {
                var stat = File.ReadAllText($"{task}/stat");
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                var name = stat[(open + 1)..close];
                var kind = name.StartsWith(".NET Tiered Com", StringComparison.Ordinal) ? "jit"
                    : name.StartsWith(".NET Server GC", StringComparison.Ordinal) || name.StartsWith(".NET BGC", StringComparison.Ordinal) ? "gc" : null;
                if (kind is null) continue;
                var ticks = CpuTicks(stat);
                var tid = int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture);
                lock (runtimeThreads)
                    runtimeThreads[tid] = runtimeThreads.TryGetValue(tid, out var seen) ? seen with { Last = ticks } : (kind, initial ? ticks : 0, ticks);
            }
            catch (IOException) { } // the thread ended between the listing and the read
            catch (FormatException) { }
        }
    }

    private double? AppCpu()
    {
        if (pid is not int p) return null;
        try
        {
            return CpuTicks(File.ReadAllText($"/proc/{p}/stat")) / TicksPerSecond;
        }
        catch (IOException) { return null; }
    }

    /// <summary>utime + stime of a process's or thread's stat line.</summary>
    private static long CpuTicks(string stat)
    {
        // Fields after the ")" of the command name: state is the 3rd field; utime and stime the 14th and 15th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
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
