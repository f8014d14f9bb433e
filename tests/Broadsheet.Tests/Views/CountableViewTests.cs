using Broadsheet.Views;
using Microsoft.Extensions.Configuration;

namespace Broadsheet.Tests.Views;

public sealed class CountableViewTests
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    [Theory]
    [InlineData("GET", 200, Firefox, null, null, null, false, true)]
    [InlineData("HEAD", 200, Firefox, null, null, null, false, false)]
    [InlineData("POST", 200, Firefox, null, null, null, false, false)]
    [InlineData("GET", 404, Firefox, null, null, null, false, false)]
    [InlineData("GET", 304, Firefox, null, null, null, false, false)]
    [InlineData("GET", 200, Firefox, "prefetch", null, null, false, false)]
    [InlineData("GET", 200, Firefox, "prefetch;prerender", null, null, false, false)]
    [InlineData("GET", 200, Firefox, null, "prefetch", null, false, false)]
    [InlineData("GET", 200, Firefox, null, null, "prefetch", false, false)]
    [InlineData("GET", 200, Firefox, null, null, null, true, false)]
    public void Only_a_plain_successful_get_by_a_browser_counts(string method, int status, string ua, string? secPurpose, string? purpose, string? xMoz, bool preview, bool counts) =>
        CountableView.Decide(method, status, ua, secPurpose, purpose, xMoz, preview).ShouldBe(counts);

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")]
    [InlineData("curl/8.5.0")]
    [InlineData("Wget/1.21.4")]
    [InlineData("python-requests/2.32.3")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36")]
    [InlineData("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)")]
    [InlineData("Feedly/1.0 (+http://www.feedly.com/fetcher.html)")]
    [InlineData("")]
    [InlineData(null)]
    public void Bots_crawlers_and_scripts_are_not_readers(string? ua) => CountableView.IsHuman(ua).ShouldBeFalse();

    [Theory]
    [InlineData(Firefox)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")]
    public void Browsers_are_readers(string ua) => CountableView.IsHuman(ua).ShouldBeTrue();

    [Fact]
    public void Anonymous_keys_depend_on_the_salt_ip_and_browser_and_keep_no_trace_of_them()
    {
        var salt = new byte[32];
        var other = Enumerable.Repeat((byte)7, 32).ToArray();
        var key = ReaderKey.ForAnonymous(salt, "203.0.113.5", Firefox);
        key.ShouldBeGreaterThanOrEqualTo(0); // never a user's key
        ReaderKey.ForAnonymous(salt, "203.0.113.5", Firefox).ShouldBe(key);
        ReaderKey.ForAnonymous(other, "203.0.113.5", Firefox).ShouldNotBe(key);
        ReaderKey.ForAnonymous(salt, "203.0.113.6", Firefox).ShouldNotBe(key);
        ReaderKey.ForAnonymous(salt, "203.0.113.5", Firefox + " x").ShouldNotBe(key);
        ReaderKey.ForUser(42).ShouldBe(-42);
    }

    [Fact]
    public void The_buffer_drops_repeats_and_stops_at_its_bound()
    {
        var buffer = new ViewBuffer(new ConfigurationBuilder().AddInMemoryCollection([new("Views:BufferLimit", "2")]).Build());
        var day = new DateOnly(2026, 11, 25);
        buffer.TryAdd(new("a", day, 1)).ShouldBeTrue();
        buffer.TryAdd(new("a", day, 1)).ShouldBeFalse();
        buffer.TryAdd(new("a", day, 2)).ShouldBeTrue();
        buffer.TryAdd(new("a", day, 3)).ShouldBeFalse();
        buffer.TakeDropped().ShouldBe(1);
        buffer.Drain().Count.ShouldBe(2);
        buffer.Count.ShouldBe(0);
        buffer.TryAdd(new("a", day, 1)).ShouldBeFalse(); // still seen today
        buffer.TryAdd(new("a", day.AddDays(1), 1)).ShouldBeTrue();
    }

    [Fact]
    public async Task No_view_is_lost_while_the_flusher_drains_concurrently()
    {
        var buffer = new ViewBuffer(new ConfigurationBuilder().Build());
        var day = new DateOnly(2026, 11, 25);
        var drained = new List<PendingView>();
        using var stop = new CancellationTokenSource();
        var flusher = Task.Run(() => { while (!stop.IsCancellationRequested) lock (drained) drained.AddRange(buffer.Drain()); });
        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++) buffer.TryAdd(new PendingView("a", day, t * 100_000L + i));
        })));
        await stop.CancelAsync();
        await flusher;
        drained.AddRange(buffer.Drain());
        drained.Count.ShouldBe(80_000);
        drained.Distinct().Count().ShouldBe(80_000);
    }
}
