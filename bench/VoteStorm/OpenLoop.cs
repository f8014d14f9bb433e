using System.Diagnostics;
using System.Globalization;

namespace Broadsheet.Bench.VoteStorm;

/// <summary>
/// Open-loop mode (--rates): votes arrive at a fixed rate whatever the app answers, as readers
/// do, instead of all at once. Reader after reader (round after round with --rounds), each
/// double-clicks "up" at its due time and casts its third vote <c>think</c> later; the due
/// times are spaced so that votes arrive at R a second. Latency counts from a vote's due time,
/// not from when it was sent (wrk2's correction for coordinated omission): a vote the client
/// sends late because the app or a connection was busy still shows the whole wait. The third
/// vote is sent only once the first two were answered (the last vote must decide, so the counts
/// can be checked exactly); if they took longer than <c>think</c>, that wait is in its latency too.
/// </summary>
public static class OpenLoop
{
    public sealed record Phase(double Offered, int Votes, int Accepted, double Seconds, double[] Latencies,
        double DispatchLateP99Ms, double DispatchLateMaxMs, ProcessWatch.Usage Usage, StormStats Stats)
    {
        public string Ms(double q) => Percentile(Latencies, q).ToString("0.0", CultureInfo.InvariantCulture);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"PHASE rate={Offered:0} votes={Votes} accepted={Accepted} seconds={Seconds:0.00} votes_per_s={Accepted / Seconds:0} " +
            $"p50_ms={Ms(0.50)} p95_ms={Ms(0.95)} p99_ms={Ms(0.99)} max_ms={Ms(1.0)} " +
            $"dispatch_late_p99_ms={DispatchLateP99Ms:0.0} dispatch_late_max_ms={DispatchLateMaxMs:0.0} " +
            $"retried={Stats.Retried} given_up={Stats.GivenUp} attempts_429={Stats.Count("429")} attempts_5xx={Stats.Count5xx()} timeouts={Stats.Count("timeout")} " +
            $"app_cores={Usage.AppCores:0.00} jit_cpu_s={Usage.JitSeconds:0.00} gc_cpu_s={Usage.GcSeconds:0.00} cpu_us_per_vote={Usage.AppCpuSeconds * 1e6 / Math.Max(1, Accepted):0} client_cores={Usage.ClientCores:0.00}");
    }

    public static async Task<Phase> RunAsync(WebClient web, Reader[] readers, string slug, double rate, int rounds, TimeSpan think, int? appPid)
    {
        var stats = new StormStats();
        var slots = readers.Length * rounds;
        var spacing = 3.0 / rate * Stopwatch.Frequency; // a slot is three votes
        var thinkTicks = (long)(think.TotalSeconds * Stopwatch.Frequency);
        var last = new Task[readers.Length];
        var late = new double[slots];
        await using var watch = new ProcessWatch(appPid);
        stats.Start();
        var t0 = Stopwatch.GetTimestamp();
        for (var s = 0; s < slots; s++)
        {
            var due = t0 + (long)(s * spacing);
            var ahead = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (ahead > TimeSpan.FromMilliseconds(1)) await Task.Delay(ahead);
            late[s] = Math.Max(0, Stopwatch.GetElapsedTime(due).TotalMilliseconds);
            var i = s % readers.Length;
            last[i] = SlotAsync(web, readers[i], slug, stats, due, thinkTicks, last[i]);
        }
        await Task.WhenAll(last);
        var seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        var usage = await watch.StopAsync();
        Array.Sort(late);
        return new Phase(rate, 3 * slots, stats.Accepted, seconds, stats.Latencies(),
            Percentile(late, 0.99), late.Length == 0 ? 0 : late[^1], usage, stats);
    }

    private static async Task SlotAsync(WebClient web, Reader r, string slug, StormStats stats, long due, long thinkTicks, Task? previous)
    {
        // The reader's previous round decides nothing once this one starts, but must be answered first.
        if (previous is not null) await previous;
        await Task.Yield(); // off the dispatcher's loop
        var first = web.VoteAsync(r, slug, "up", stats, due);
        var second = web.VoteAsync(r, slug, "up", stats, due);
        var ok = await first & await second;
        var thirdDue = due + thinkTicks;
        var ahead = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), thirdDue);
        if (ahead > TimeSpan.Zero) await Task.Delay(ahead);
        var third = r.Index % 3 == 0 ? "down" : "up";
        ok &= await web.VoteAsync(r, slug, third, stats, thirdDue);
        r.Expected = ok ? (third == "down" ? -1 : 1) : null;
    }

    public static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
