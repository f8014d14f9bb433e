using Microsoft.Extensions.Configuration;
using Broadsheet.Views;

namespace Broadsheet.Tests.Newsroom.Analytics;

public sealed class ReferrerDomainTests
{
    [Theory]
    [InlineData("https://news.example.org/story?id=1&email=someone@example.test", "news.example.org")]
    [InlineData("https://WWW.Example.ORG/path#frag", "example.org")]
    [InlineData("http://www.example.org:8080/", "example.org")]
    [InlineData("https://example.org./", "example.org")]
    [InlineData("https://bücher.example/", "xn--bcher-kva.example")]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("not a url", null)]
    [InlineData("/relative/path", null)]
    [InlineData("android-app://com.google.android.gm/", null)]
    [InlineData("file:///home/someone/page.html", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("https://broadsheet.test/articles/x", null)]
    [InlineData("https://www.broadsheet.test/", null)]
    [InlineData("https://news.site.test/", null)]
    public void Only_another_sites_domain_is_kept(string? referer, string? expected) =>
        ReferrerDomain.From(referer, "broadsheet.test", "news.site.test").ShouldBe(expected);
}

public sealed class ReferrerBufferTests
{
    [Fact]
    public void A_reader_keeps_the_first_referrer_and_distinct_domains_are_capped_per_flush()
    {
        var buffer = new ViewBuffer(new ConfigurationBuilder()
            .AddInMemoryCollection([new("Views:ReferrerDomainLimit", "2")]).Build());
        var day = new DateOnly(2026, 11, 28);
        buffer.TryAdd(new("a", day, 1, "one.example")).ShouldBeTrue();
        buffer.TryAdd(new("a", day, 1, "two.example")).ShouldBeFalse(); // the same reader: one view, first referrer
        buffer.TryAdd(new("a", day, 2, "two.example")).ShouldBeTrue();
        buffer.TryAdd(new("a", day, 3, "three.example")).ShouldBeTrue(); // counted, but past the cap
        buffer.TryAdd(new("b", day, 4, "one.example")).ShouldBeTrue();
        buffer.Drain().OrderBy(v => v.Reader).Select(v => v.Referrer).ShouldBe(["one.example", "two.example", null, "one.example"]);
        buffer.TryAdd(new("a", day, 5, "three.example")).ShouldBeTrue();
        buffer.Drain().Single().Referrer.ShouldBe("three.example"); // a new flush, a new allowance
    }
}
