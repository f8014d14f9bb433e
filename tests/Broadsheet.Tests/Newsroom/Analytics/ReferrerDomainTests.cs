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
