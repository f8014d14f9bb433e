using Broadsheet.Bench.VoteStorm;
using System.Diagnostics;
using System.Globalization;

// A vote storm against a running Broadsheet: signs N readers in through the sign-in-link
// flow (the mail is read back from the app's mail folder), takes each reader's vote token from
// the live widget, then releases every reader at once. Each sends "up" twice at the same
// moment (a double click), then a third vote: "down" for every third reader (a switch), "up"
// (another duplicate) for the rest. Refused-for-now answers (429, 5xx, timeouts, dropped
// connections) are retried with backoff, since every vote names the state it wants and so a
// repeat is harmless. (A timed-out attempt may still land after a later vote, so the client
// waits long, 60 s, before it counts a timeout, and reports every one.) Prints votes/s, latencies, the widget's final line against the expected
// totals, and writes each reader's expected final vote for the database check in votes.sh.
//
// Usage: VoteStorm --base URL --slug SLUG --mail DIR [--readers 1000] [--sign-in-parallel 8]
//        [--expected FILE] [--timeout 60] [--attempts 30] [--email-format reader{0:D4}@bench.test] [--app-pid PID] [--rounds 1] [--settle 0] [--minted-links false]
//        [--cookies-out FILE: sign in only, write each reader's Cookie header, exit]
// --minted-links true: each reader opens the link votes.sh minted in the database (Reader.MintedToken)
// instead of asking for one by mail: the same sign-in, without the mail round trip.
// --settle S: wait S seconds between the last sign-in and the storm.
// --rounds N: each reader casts its three votes N times over (the storm's votes, N-fold, for the same
// sign-in cost: signing readers in is what takes long on a loaded machine); the last round decides.
// --warmup N: N more readers (the accounts after the storm's, which votes.sh creates too) sign in and
// vote once before the settle wait, all at once (up twice, then clear: the article's counts and rows
// end as they began), so the storm meets a process whose vote path the runtime has already
// compiled, as on a site that has been taking votes, not one that has just started. They are
// other readers than the storm's, so no check the app remembers per reader is warmed for the storm.
var o = Options.Parse(args);
if (o is null)
{
    Console.Error.WriteLine("usage: VoteStorm --base URL --slug SLUG --mail DIR [--readers N] [--sign-in-parallel N] [--expected FILE] [--timeout S] [--attempts N] [--app-pid PID]");
    return 2;
}

// Enough threads from the start: otherwise the pool's slow ramp-up, not the server, shapes
// the first seconds of a 1,000-request burst.
ThreadPool.GetMinThreads(out var workers, out var io);
ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));

using var web = new WebClient(new Uri(o.BaseUrl), o.Timeout, o.Attempts);
var mail = new MailIndex(o.MailDirectory);
var readers = Enumerable.Range(1, o.Readers)
    .Select(i => new Reader(i, string.Format(CultureInfo.InvariantCulture, o.EmailFormat, i)))
    .ToArray();
var warmers = Enumerable.Range(o.Readers + 1, o.Warmup)
    .Select(i => new Reader(i, string.Format(CultureInfo.InvariantCulture, o.EmailFormat, i)))
    .ToArray();

// --- 1. Sign every reader in, a few at a time --------------------------------------------------
Console.WriteLine($"==> Signing in {o.Readers} readers by sign-in link ({o.SignInParallel} at a time{(o.MintedLinks ? ", links minted in SQL" : ", links asked for and read from the mail")})");
var signIn = Stopwatch.StartNew();
var signedIn = 0;
await Parallel.ForEachAsync(readers.Concat(warmers), new ParallelOptions { MaxDegreeOfParallelism = o.SignInParallel }, async (r, ct) =>
{
    if (o.MintedLinks) await web.UseLinkAsync(r, r.MintedToken, ct);
    else await web.SignInAsync(r, mail, ct);
    if (o.CookiesOut is null) r.VoteToken = await web.VoteTokenAsync(r, o.Slug, ct);
    var n = Interlocked.Increment(ref signedIn);
    if (n % 250 == 0) Console.WriteLine($"    {n} signed in ({signIn.Elapsed.TotalSeconds:0.0} s)");
});
signIn.Stop();
Console.WriteLine($"    all {o.Readers + o.Warmup} signed in with vote tokens in {signIn.Elapsed.TotalSeconds:0.0} s ({(o.Readers + o.Warmup) / signIn.Elapsed.TotalSeconds:0} readers/s)");

// --cookies-out: only sign the readers in and hand their Cookie headers to another load tool
// (bench/spike.sh's mixed spike), one line a reader; no storm.
if (o.CookiesOut is { } cookiesFile)
{
    await File.WriteAllLinesAsync(cookiesFile, readers.Select(r => string.Join("; ", r.Cookies.Select(c => $"{c.Key}={c.Value}"))));
    Console.WriteLine($"RESULT signed_in={o.Readers} cookies={cookiesFile}");
    return 0;
}

// --- 1b. Warm-up (--warmup N): other readers' votes, leaving the article as it was ----------------
if (warmers.Length > 0)
{
    Console.WriteLine($"==> Warm-up: {warmers.Length} other readers vote up twice at once, then clear");
    var warmStats = new StormStats();
    var warm = Stopwatch.StartNew();
    var warmOk = await Task.WhenAll(warmers.Select(r => Task.Run(async () =>
    {
        var first = web.VoteAsync(r, o.Slug, "up", warmStats);
        var second = web.VoteAsync(r, o.Slug, "up", warmStats);
        var ok = await first & await second;
        return ok & await web.VoteAsync(r, o.Slug, "clear", warmStats);
    })));
    Console.WriteLine($"    {warmStats.Accepted} warm-up votes in {warm.Elapsed.TotalSeconds:0.0} s");
    if (warmOk.Any(ok => !ok))
    {
        Console.Error.WriteLine("a warm-up vote was refused: " + string.Join("; ", warmStats.Errors.Take(3)));
        return 1;
    }
}

// Past the app's stamp-check interval, every reader's first vote pays the security-stamp check,
// as in a real storm where readers signed in long before; without it, how many pay depends on how
// long the sign-ins took.
if (o.Settle > TimeSpan.Zero)
{
    Console.WriteLine($"    waiting {o.Settle.TotalSeconds:0} s, so every reader's stamp check is due");
    await Task.Delay(o.Settle);
}

var before = await web.TallyAsync(o.Slug, CancellationToken.None);
Console.WriteLine($"    before the storm: {before}");

// --- 2a. Open loop (--rates): one phase per rate, every reader once per round in each --------------
if (o.Rates is { Length: > 0 } rates)
{
    var phases = new List<OpenLoop.Phase>();
    foreach (var rate in rates)
    {
        if (phases.Count > 0 && o.Settle > TimeSpan.Zero)
        {
            // Each phase starts, as the first did, with every reader's stamp check due.
            Console.WriteLine($"    waiting {o.Settle.TotalSeconds:0} s, so every reader's stamp check is due again");
            await Task.Delay(o.Settle);
        }
        Console.WriteLine($"==> Open loop at {rate:0} votes/s: {3 * o.Readers * o.Rounds} votes over {3 * o.Readers * o.Rounds / rate:0.0} s (third vote {o.Think.TotalMilliseconds:0} ms after the double click)");
        var phase = await OpenLoop.RunAsync(web, readers, o.Slug, rate, o.Rounds, o.Think, o.AppPid);
        phases.Add(phase);
        Console.WriteLine($"    {phase.Accepted} of {phase.Votes} accepted in {phase.Seconds:0.00} s; latency from each vote's due time: p50 {phase.Ms(0.5)} ms, p95 {phase.Ms(0.95)} ms, p99 {phase.Ms(0.99)} ms, max {phase.Ms(1.0)} ms");
        Console.WriteLine($"    attempts by outcome: {phase.Stats.Outcomes()}; client sent late by p99 {phase.DispatchLateP99Ms:0.0} ms, at most {phase.DispatchLateMaxMs:0.0} ms");
        Console.WriteLine($"    {phase.Usage}");
        Console.WriteLine($"    accepted per second: {phase.Stats.Timeline()}");
        foreach (var e in phase.Stats.Errors.Distinct(StringComparer.Ordinal).Take(3)) Console.WriteLine($"    refused, e.g.: {e}");
        Console.WriteLine(phase);
    }
    // RESULT's CPU and client figures are the last phase's; its rate and percentiles cover every phase.
    return await FinishAsync(phases.Sum(p => p.Votes), phases.Sum(p => p.Accepted), phases.Sum(p => p.Seconds),
        [.. phases.SelectMany(p => p.Latencies).Order()], phases.Sum(p => p.Stats.GivenUp), phases[^1].Usage,
        $"retried={phases.Sum(p => p.Stats.Retried)} attempts_429={phases.Sum(p => p.Stats.Count("429"))} attempts_5xx={phases.Sum(p => p.Stats.Count5xx())} timeouts={phases.Sum(p => p.Stats.Count("timeout"))} ");
}

// --- 2b. The storm: every reader at once ---------------------------------------------------------
var stats = new StormStats();
var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var storm = readers.Select(r => Task.Run(async () =>
{
    await go.Task;
    for (var round = 0; round < o.Rounds; round++)
    {
        // A double click: the same vote twice at the same moment.
        var first = web.VoteAsync(r, o.Slug, "up", stats);
        var second = web.VoteAsync(r, o.Slug, "up", stats);
        var ok = await first & await second;
        var third = r.Index % 3 == 0 ? "down" : "up";
        ok &= await web.VoteAsync(r, o.Slug, third, stats);
        r.Expected = ok ? (third == "down" ? -1 : 1) : null;
    }
})).ToArray();

Console.WriteLine($"==> Releasing {o.Readers} readers at once: {3 * o.Readers * o.Rounds} votes");
await Task.Delay(200); // every reader's task is parked on the barrier
await using var watch = new ProcessWatch(o.AppPid);
var wall = Stopwatch.StartNew();
stats.Start();
go.SetResult();
await Task.WhenAll(storm);
wall.Stop();
var usage = await watch.StopAsync();

// --- 3. Report ---------------------------------------------------------------------------------
var accepted = stats.Accepted;
var seconds = wall.Elapsed.TotalSeconds;
var lat = stats.Latencies();
string Ms(double q) => Percentile(lat, q).ToString("0.0", CultureInfo.InvariantCulture);
Console.WriteLine($"    storm: {accepted} of {3 * o.Readers * o.Rounds} votes accepted in {seconds:0.00} s");
Console.WriteLine($"    attempts by outcome: {stats.Outcomes()}");
Console.WriteLine($"    retried votes: {stats.Retried}, given up: {stats.GivenUp}");
Console.WriteLine($"    latency of accepted attempts: p50 {Ms(0.50)} ms, p95 {Ms(0.95)} ms, p99 {Ms(0.99)} ms, max {Ms(1.0)} ms");
Console.WriteLine($"    {usage}");
// The figure load does not move: the app's CPU time per accepted vote (2 cores at 5,000 votes/s leave 400 µs).
if (usage.AppCpuSeconds is { } cpuSeconds) Console.WriteLine($"    app CPU per accepted vote: {cpuSeconds * 1e6 / Math.Max(1, accepted):0} µs");
Console.WriteLine($"    accepted per second of the storm: {stats.Timeline()}");
foreach (var e in stats.Errors.Distinct(StringComparer.Ordinal).Take(5)) Console.WriteLine($"    refused, e.g.: {e}");

return await FinishAsync(3 * o.Readers * o.Rounds, accepted, seconds, lat, stats.GivenUp, usage,
    $"retried={stats.Retried} attempts_429={stats.Count("429")} attempts_5xx={stats.Count5xx()} timeouts={stats.Count("timeout")} conn_errors={stats.Count("connection")} ");

// The widget's final line against what each reader last asked for, the expected file for
// votes.sh's database check, and the RESULT line votes.sh reads (for --rates: every phase together).
async Task<int> FinishAsync(int votes, int accepted, double seconds, double[] lat, int givenUp, ProcessWatch.Usage usage, string extra = "")
{
    string Ms(double q) => Percentile(lat, q).ToString("0.0", CultureInfo.InvariantCulture);
    var ups = readers.Count(r => r.Expected == 1);
    var downs = readers.Count(r => r.Expected == -1);
    var unknown = readers.Count(r => r.Expected is null);
    var after = await web.TallyAsync(o.Slug, CancellationToken.None);
    var expected = new Tally(before.Up + ups, before.Down + downs);
    var widgetOk = unknown == 0 && after == expected;
    Console.WriteLine($"    widget after the storm: {after}; expected {expected}: {(widgetOk ? "match" : "MISMATCH")}");

    if (o.ExpectedFile is { } file)
        await File.WriteAllLinesAsync(file, readers.Select(r => $"{r.Email},{(r.Expected ?? 0).ToString(CultureInfo.InvariantCulture)}"));

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"RESULT readers={o.Readers} votes={votes} accepted={accepted} seconds={seconds:0.00} votes_per_s={accepted / seconds:0} " +
        $"p50_ms={Ms(0.50)} p95_ms={Ms(0.95)} p99_ms={Ms(0.99)} max_ms={Ms(1.0)} given_up={givenUp} {extra}" +
        $"app_cores={usage.AppCores:0.00} app_cpu_s={usage.AppCpuSeconds:0.00} jit_cpu_s={usage.JitSeconds:0.00} gc_cpu_s={usage.GcSeconds:0.00} warmup={o.Warmup} cpu_us_per_vote={usage.AppCpuSeconds * 1e6 / Math.Max(1, accepted):0} client_cores={usage.ClientCores:0.00} app_threads_peak={usage.AppPeakThreads} listen_overflows={usage.ListenOverflows} " +
        $"sign_in_s={signIn.Elapsed.TotalSeconds:0.0} expected_up={expected.Up} expected_down={expected.Down} widget={(widgetOk ? "match" : "mismatch")}"));
    return widgetOk && givenUp == 0 ? 0 : 1;
}

static double Percentile(double[] sorted, double q) =>
    sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
