using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Broadsheet.Bench.VoteStorm;

/// <summary>
/// One connection pool shared by every reader, each with its own cookies. The cookies are
/// kept by hand: the auth cookie is __Host- (Secure), which a browser keeps for localhost but
/// .NET's CookieContainer will not send over http.
/// </summary>
public sealed partial class WebClient(Uri address, TimeSpan timeout, int attempts) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        // VOTE_MAX_CONNECTIONS caps the pool (unlimited by default): 10,000 readers would otherwise
        // open 20,000 sockets at once in this process and as many in the app, past the box's open-file limit.
        MaxConnectionsPerServer = int.TryParse(Environment.GetEnvironmentVariable("VOTE_MAX_CONNECTIONS"), out var cap) && cap > 0 ? cap : int.MaxValue,
    })
    { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };

    public sealed record Answer(HttpStatusCode Status, string Body, string? Location, TimeSpan RetryAfter);

    // --- Sign-in by link -----------------------------------------------------------------------

    public async Task SignInAsync(Reader r, MailIndex mail, CancellationToken ct)
    {
        var page = await RetryAsync(r, HttpMethod.Get, "/account/sign-in-link", null, false, ct);
        var form = Html.HiddenInputs(page.Body, "/account/sign-in-link") ?? throw Fail(r, "no sign-in-link form", page);
        form["Input.Email"] = r.Email;
        var sent = await RetryAsync(r, HttpMethod.Post, "/account/sign-in-link", form, false, ct);
        if (sent.Status != HttpStatusCode.OK || !sent.Body.Contains("sent it a sign-in link", StringComparison.Ordinal))
            throw Fail(r, "sign-in link not sent", sent);

        var token = mail.SignInToken(r.Email);
        // Mail goes through the outbox (sent by a background loop), so it may take a while on a loaded box.
        for (var i = 0; token is null && i < 600; i++)
        {
            await Task.Delay(100, ct);
            token = mail.SignInToken(r.Email);
        }
        if (token is null) throw new InvalidOperationException($"{r.Email}: no sign-in mail in the mail folder");
        await UseLinkAsync(r, token, ct);
    }

    /// <summary>Opens a sign-in link and confirms it, as a reader does from the mail: the real sign-in.</summary>
    public async Task UseLinkAsync(Reader r, string token, CancellationToken ct)
    {
        var link = $"/account/link?token={token}&returnUrl=%2F";
        var open = await RetryAsync(r, HttpMethod.Get, link, null, false, ct);
        var confirm = Html.HiddenInputs(open.Body, "/account/link") ?? throw Fail(r, "no sign-me-in form", open);
        var done = await RetryAsync(r, HttpMethod.Post, "/account/link", confirm, false, ct);
        lock (r.Cookies)
            if (done.Status != HttpStatusCode.Redirect || !r.Cookies.ContainsKey("__Host-broadsheet"))
                throw Fail(r, "sign-in by link refused", done);
    }

    /// <summary>The antiforgery token from the reader's own live widget (its vote form).</summary>
    public async Task<string> VoteTokenAsync(Reader r, string slug, CancellationToken ct)
    {
        var widget = await RetryAsync(r, HttpMethod.Get, $"/articles/{slug}/counters", null, false, ct);
        var form = Html.HiddenInputs(widget.Body, $"/articles/{slug}/vote") ?? throw Fail(r, "no vote form in the widget (not signed in?)", widget);
        var field = form.Keys.Single();
        r.VoteTokenField = field;
        return form[field];
    }

    /// <summary>The votes line of the widget as an anonymous reader sees it.</summary>
    public async Task<Tally> TallyAsync(string slug, CancellationToken ct)
    {
        using var response = await http.GetAsync($"/articles/{slug}/counters", ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var m = VotesLine().Match(body);
        if (!m.Success) throw new InvalidOperationException($"no votes line in the widget: {body}");
        static int N(string s) => int.Parse(s.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        return new Tally(N(m.Groups[2].Value), N(m.Groups[3].Value));
    }

    // --- Votes ---------------------------------------------------------------------------------

    /// <summary>
    /// Casts one vote, retrying what may succeed later; true once it was accepted. The latency
    /// counted is the accepted attempt's, or, with <paramref name="scheduledAt"/> (a Stopwatch
    /// timestamp, open-loop mode), from the moment the vote was due to be sent, retries and the
    /// wait for a free connection included.
    /// </summary>
    public async Task<bool> VoteAsync(Reader r, string slug, string direction, StormStats stats, long? scheduledAt = null)
    {
        var fields = new Dictionary<string, string> { [r.VoteTokenField] = r.VoteToken!, ["direction"] = direction };
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (attempt == 2) stats.Retry();
            var started = Stopwatch.GetTimestamp();
            Answer answer;
            try
            {
                answer = await SendAsync(r, HttpMethod.Post, $"/articles/{slug}/vote", fields, r.Htmx, CancellationToken.None);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException)
            {
                stats.Outcome(e is TimeoutException ? "timeout" : "connection", $"{direction}: {e.GetType().Name}: {e.Message}");
                await Task.Delay(Backoff(attempt, TimeSpan.Zero));
                continue;
            }
            var elapsed = Stopwatch.GetElapsedTime(scheduledAt ?? started);
            var status = (int)answer.Status;
            var accepted = r.Htmx
                ? status == 200 && answer.Body.Contains("class=\"counters\"", StringComparison.Ordinal)
                : status == 302 && (answer.Location ?? "").StartsWith($"/articles/{slug}", StringComparison.Ordinal);
            if (accepted)
            {
                stats.Accept(elapsed);
                stats.Outcome(status.ToString(CultureInfo.InvariantCulture), null);
                return true;
            }
            var retryable = status is 429 or >= 500;
            stats.Outcome(status.ToString(CultureInfo.InvariantCulture),
                $"{direction} ({(r.Htmx ? "htmx" : "plain")}) answered {status}{(answer.Location is { } l ? $" -> {l}" : "")}: {Trim(answer.Body)}");
            if (!retryable) break;
            await Task.Delay(Backoff(attempt, answer.RetryAfter));
        }
        stats.GiveUp();
        return false;
    }

    /// <summary>Exponential from 50 ms, capped at 2 s, with full jitter; never sooner than Retry-After.</summary>
    private static TimeSpan Backoff(int attempt, TimeSpan retryAfter)
    {
        var cap = Math.Min(2000, 50 * (1 << Math.Min(attempt, 10)));
        var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(cap / 2, cap + 1));
        return retryAfter > jitter ? retryAfter : jitter;
    }

    // --- Plumbing ------------------------------------------------------------------------------

    /// <summary>GETs and form posts for sign-in: retried on 429, 5xx and dropped connections.</summary>
    private async Task<Answer> RetryAsync(Reader r, HttpMethod method, string path, Dictionary<string, string>? form, bool htmx, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var answer = await SendAsync(r, method, path, form, htmx, ct);
                if ((int)answer.Status is not (429 or >= 500) || attempt >= attempts) return answer;
                await Task.Delay(Backoff(attempt, answer.RetryAfter), ct);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException && attempt < attempts)
            {
                await Task.Delay(Backoff(attempt, TimeSpan.Zero), ct);
            }
        }
    }

    private async Task<Answer> SendAsync(Reader r, HttpMethod method, string path, Dictionary<string, string>? form, bool htmx, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        if (htmx) request.Headers.Add("HX-Request", "true");
        // Each reader comes from an address of their own, as real readers do; the app trusts
        // X-Forwarded-For from loopback (a local proxy), so per-IP limits key on it.
        request.Headers.Add("X-Forwarded-For", r.Address);
        lock (r.Cookies)
            if (r.Cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", r.Cookies.Select(c => $"{c.Key}={c.Value}")));

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, cts.Token);
            var body = await response.Content.ReadAsStringAsync(cts.Token);
            if (response.Headers.TryGetValues("Set-Cookie", out var set)) Keep(r, set);
            var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
            return new Answer(response.StatusCode, body, response.Headers.Location?.OriginalString, retryAfter);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer to {method} {path} within {timeout.TotalSeconds:0} s");
        }
    }

    private static void Keep(Reader r, IEnumerable<string> setCookies)
    {
        lock (r.Cookies)
            foreach (var header in setCookies)
            {
                var parts = header.Split(';', StringSplitOptions.TrimEntries);
                var eq = parts[0].IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0) continue;
                var (name, value) = (parts[0][..eq], parts[0][(eq + 1)..]);
                var expired = parts.Skip(1).Any(a =>
                    a.StartsWith("max-age=", StringComparison.OrdinalIgnoreCase) && a[8..] is "0" or ['-', ..] ||
                    a.StartsWith("expires=", StringComparison.OrdinalIgnoreCase) &&
                    DateTimeOffset.TryParse(a[8..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e) && e < DateTimeOffset.UtcNow);
                if (expired || value.Length == 0) r.Cookies.Remove(name);
                else r.Cookies[name] = value;
            }
    }

    private static InvalidOperationException Fail(Reader r, string what, Answer a) =>
        new($"{r.Email}: {what}: {(int)a.Status}{(a.Location is { } l ? $" -> {l}" : "")} {Trim(a.Body)}");

    private static string Trim(string body)
    {
        var flat = Whitespace().Replace(body, " ").Trim();
        return flat.Length > 300 ? flat[..300] + "…" : flat;
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex(@"([\d,]+) Votes: ([\d,]+) Upvotes, ([\d,]+) Downvotes \(([-−]?[\d,]+) Points\)")]
    private static partial Regex VotesLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>What the storm's attempts came to, counted from every reader at once.</summary>
public sealed class StormStats
{
    private readonly ConcurrentQueue<double> latencies = new();
    private readonly ConcurrentQueue<double> finishes = new();
    private long start = Stopwatch.GetTimestamp();
    private readonly ConcurrentDictionary<string, int> outcomes = new(StringComparer.Ordinal);
    private int accepted, retried, givenUp;

    public ConcurrentQueue<string> Errors { get; } = new();
    public int Accepted => Volatile.Read(ref accepted);
    public int Retried => Volatile.Read(ref retried);
    public int GivenUp => Volatile.Read(ref givenUp);

    public void Accept(TimeSpan elapsed)
    {
        latencies.Enqueue(elapsed.TotalMilliseconds);
        finishes.Enqueue(Stopwatch.GetElapsedTime(start).TotalSeconds);
        Interlocked.Increment(ref accepted);
    }

    public void Start() => start = Stopwatch.GetTimestamp();
    public void Retry() => Interlocked.Increment(ref retried);
    public void GiveUp() => Interlocked.Increment(ref givenUp);

    public void Outcome(string what, string? error)
    {
        outcomes.AddOrUpdate(what, 1, (_, n) => n + 1);
        if (error is not null && Errors.Count < 50) Errors.Enqueue(error);
    }

    public int Count(string what) => outcomes.GetValueOrDefault(what);
    public int Count5xx() => outcomes.Where(o => o.Key.Length == 3 && o.Key[0] == '5').Sum(o => o.Value);
    public string Outcomes() => string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} × {o.Value}"));
    public double[] Latencies() => [.. latencies.Order()];

    /// <summary>Accepted votes per second of the storm, from the release.</summary>
    public string Timeline() => string.Join(" ", finishes.GroupBy(t => (int)t).OrderBy(g => g.Key).Select(g => $"{g.Key}s:{g.Count()}"));
}

/// <summary>Just enough HTML: the hidden inputs of the form that posts to a given action.</summary>
public static partial class Html
{
    public static Dictionary<string, string>? HiddenInputs(string html, string action)
    {
        foreach (Match form in Form().Matches(html))
        {
            var target = WebUtility.HtmlDecode(Attribute(form.Groups[1].Value, "action") ?? "");
            if (target.Split('?')[0] != action) continue;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match input in Input().Matches(form.Groups[2].Value))
            {
                var tag = input.Value;
                if (!string.Equals(Attribute(tag, "type"), "hidden", StringComparison.OrdinalIgnoreCase)) continue;
                if (Attribute(tag, "name") is { } name) fields[WebUtility.HtmlDecode(name)] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? "");
            }
            return fields;
        }
        return null;
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $@"\s{name}=""([^""]*)""", RegexOptions.IgnoreCase) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"<form\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Input();
}
