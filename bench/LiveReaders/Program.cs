using System.Diagnostics;
using System.Globalization;
using System.Net;
using Broadsheet.Bench.LiveReaders;

// N readers follow one live story's event stream while an editor posts an entry through the
// composer every second. Each entry carries the time it was posted; each reader notes when it
// arrived, and which entries it saw, so the run reports delivery latency (post to receipt, on the
// same clock), missed and duplicated entries per reader, the app's memory per connection and CPU.
// Usage: LiveReaders --url U --story ID --slug S --email E --password P [--readers 500]
//        [--seconds 60] [--app-pid PID[,PID]] [--ready-file F] [--stream-url U2]
var options = Options.Parse(args);
ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 8), 64);

using var editor = new Editor(options.Url);
await editor.SignInAsync(options.Email, options.Password);
var after = await editor.StartAsync(options.Story, options.Slug);
Console.WriteLine($"story {options.Story} is live at sequence {after}; connecting {options.Readers} readers");

var apps = options.AppPids.Select(p => new AppProcess(p)).ToList();
var rssBeforeEach = apps.Select(a => a.RssKb()).ToArray();
var rssBefore = rssBeforeEach.Sum();
using var stop = new CancellationTokenSource();
var streams = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = int.MaxValue, UseCookies = false, AutomaticDecompression = DecompressionMethods.None,
    ConnectTimeout = TimeSpan.FromSeconds(30),
}) { BaseAddress = options.StreamUrl, Timeout = Timeout.InfiniteTimeSpan };
var readers = Enumerable.Range(0, options.Readers).Select(i => new Reader(i, options.Story, after)).ToList();
var connecting = Stopwatch.StartNew();
var gate = new SemaphoreSlim(100);
var runs = readers.Select(async r =>
{
    await gate.WaitAsync();
    try { await r.ConnectAsync(streams, stop.Token); } finally { gate.Release(); }
    await r.ReadAsync(streams, stop.Token);
}).ToList();
while (readers.Any(r => !r.Connected))
{
    if (runs.FirstOrDefault(t => t.IsFaulted) is { } failed) throw failed.Exception!;
    await Task.Delay(200);
}
Console.WriteLine($"{options.Readers} readers connected in {connecting.Elapsed.TotalSeconds:0.0} s");
await Task.Delay(3000); // let the app's buffers and pools settle before weighing it
GC.Collect();
var rssConnectedEach = apps.Select(a => a.RssKb()).ToArray();
var rssConnected = rssConnectedEach.Sum();
var cpuBeforeEach = apps.Select(a => a.CpuSeconds()).ToArray();
var cpuBefore = cpuBeforeEach.Sum();
if (options.ReadyFile is { } ready) await File.WriteAllTextAsync(ready, "posting");

// The editor: one entry a second, each saying when it was posted.
var posted = new List<int>();
var failedPosts = 0;
var clock = Stopwatch.StartNew();
for (var k = 1; k <= options.Seconds; k++)
{
    var due = TimeSpan.FromSeconds(k - 1) - clock.Elapsed;
    if (due > TimeSpan.Zero) await Task.Delay(due);
    var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    if (await editor.PostAsync(options.Story, $"Bench entry {k} posted {at}")) posted.Add(k);
    else failedPosts++;
}
var postingSeconds = clock.Elapsed.TotalSeconds;
var cpuAfterEach = apps.Select(a => a.CpuSeconds()).ToArray();
var cpuAfter = cpuAfterEach.Sum();
// The last entries' deliveries: a bound for a stuck run, every reader usually has them at once.
var settle = Stopwatch.StartNew();
while (settle.Elapsed < TimeSpan.FromSeconds(30) && readers.Any(r => r.Seen.Count < posted.Count)) await Task.Delay(250);
await stop.CancelAsync();
await Task.WhenAll(runs);

var latencies = readers.SelectMany(r => r.Latencies).Order().ToArray();
double P(double q) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
var missed = readers.Sum(r => posted.Count(k => !r.Seen.Contains(k)));
var readersMissing = readers.Count(r => posted.Any(k => !r.Seen.Contains(k)));
var duplicated = readers.Sum(r => r.Duplicates);
var reconnects = readers.Sum(r => r.Reconnects);
var perReaderKb = (rssConnected - rssBefore) / (double)options.Readers;
var appCpu = cpuAfter - cpuBefore;
string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
Console.WriteLine($"entries posted {posted.Count} (failed {failedPosts}) over {postingSeconds:0.0} s; deliveries {latencies.Length} of {posted.Count * options.Readers}");
Console.WriteLine($"delivery ms: p50 {F(P(0.5))}, p99 {F(P(0.99))}, max {F(latencies.LastOrDefault())}; missed {missed} (readers missing any: {readersMissing}), duplicated {duplicated}, reconnects {reconnects}");
Console.WriteLine($"app RSS {rssBefore / 1024} MB -> {rssConnected / 1024} MB with {options.Readers} readers: {F(perReaderKb)} KB per reader; app CPU over the posting {F(appCpu)} s ({F(appCpu / postingSeconds)} cores)");
// Several instances (behind nginx): each one's share, as the readers spread over them is not known here.
if (apps.Count > 1)
    for (var i = 0; i < apps.Count; i++)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"INSTANCE {i + 1} pid={options.AppPids[i]} rss_mb={rssBeforeEach[i] / 1024}->{rssConnectedEach[i] / 1024} cpu_s={F(cpuAfterEach[i] - cpuBeforeEach[i])}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT readers={options.Readers} entries={posted.Count} p50_ms={F(P(0.5))} p99_ms={F(P(0.99))} max_ms={F(latencies.LastOrDefault())} missed={missed} duplicated={duplicated} reconnects={reconnects} kb_per_reader={F(perReaderKb)} app_cpu_s={F(appCpu)}"));
return missed == 0 && duplicated == 0 && failedPosts == 0 ? 0 : 1;

internal sealed record Options(Uri Url, Uri StreamUrl, int Story, string Slug, string Email, string Password, int Readers, int Seconds, int[] AppPids, string? ReadyFile)
{
    public static Options Parse(string[] args)
    {
        var map = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) map[args[i].TrimStart('-')] = args[i + 1];
        string Need(string k) => map.TryGetValue(k, out var v) ? v : throw new ArgumentException($"--{k} is required");
        int Int(string k, int d) => map.TryGetValue(k, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : d;
        var url = new Uri(Need("url"));
        return new Options(url, map.TryGetValue("stream-url", out var s) ? new Uri(s) : url, Int("story", 0), Need("slug"), Need("email"), Need("password"),
            Int("readers", 500), Int("seconds", 60),
            map.TryGetValue("app-pid", out var pids) ? [.. pids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))] : [],
            map.GetValueOrDefault("ready-file"));
    }
}

/// <summary>The app's resident memory and CPU time, from /proc.</summary>
internal sealed class AppProcess(int pid)
{
    public long RssKb()
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
}
