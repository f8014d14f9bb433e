using Broadsheet.Feeds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Broadsheet.Tests.Feeds;

public sealed class ConditionalGetTests
{
    private const string Tag = "W/\"abc123\"";
    private static readonly DateTime Changed = new(2026, 3, 4, 10, 20, 30, DateTimeKind.Utc);

    [Theory]
    [InlineData("W/\"abc123\"", null, true)]
    [InlineData("\"abc123\"", null, true)]                                 // weak comparison ignores W/
    [InlineData("\"zzz\", W/\"abc123\"", null, true)]
    [InlineData("*", null, true)]
    [InlineData("W/\"other\"", "Wed, 04 Mar 2026 10:20:30 GMT", false)]    // If-None-Match decides alone
    [InlineData("not a tag", null, false)]
    [InlineData(null, "Wed, 04 Mar 2026 10:20:30 GMT", true)]
    [InlineData(null, "Thu, 05 Mar 2026 00:00:00 GMT", true)]
    [InlineData(null, "Wed, 04 Mar 2026 10:20:29 GMT", false)]
    [InlineData(null, "yesterday", false)]
    [InlineData(null, null, false)]
    public void A_304_needs_a_matching_tag_or_no_change_since_the_given_date(string? ifNoneMatch, string? ifModifiedSince, bool notModified) =>
        ConditionalGet.IsNotModified(ifNoneMatch, ifModifiedSince, Tag, Changed.AddMilliseconds(400)).ShouldBe(notModified);

    [Fact]
    public void The_tag_follows_the_bytes() =>
        ConditionalGet.ETagOf("a"u8).ShouldNotBe(ConditionalGet.ETagOf("b"u8));
}

public sealed class FeedDatesTests
{
    [Theory]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Unspecified)] // as SQLite may hand it back
    public void Dates_are_written_in_utc_to_the_second(DateTimeKind kind)
    {
        var value = new DateTime(2026, 11, 29, 9, 5, 7, 900, kind);

        FeedDates.Rfc822(value).ShouldBe("Sun, 29 Nov 2026 09:05:07 GMT");
        FeedDates.Rfc3339(value).ShouldBe("2026-11-29T09:05:07Z");
    }
}

public sealed class SitemapPagesTests
{
    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(1, 10, 1)]
    [InlineData(10, 10, 1)]
    [InlineData(11, 10, 2)]
    [InlineData(100_000, 10_000, 10)]
    public void Articles_split_into_whole_pages(int articles, int size, int pages) =>
        SitemapPages.CountFor(articles, size).ShouldBe(pages);

    [Theory]
    [InlineData("1", true)]
    [InlineData("12", true)]
    [InlineData("0", false)]
    [InlineData("01", false)]
    [InlineData("+1", false)]
    [InlineData("-1", false)]
    [InlineData("1.0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("99999999999", false)]
    public void Only_canonical_page_numbers_name_a_sitemap(string? raw, bool valid) =>
        SitemapPages.TryParse(raw, out _).ShouldBe(valid);
}

public sealed class FeedOptionsTests
{
    private static FeedOptions Load(params (string Key, string Value)[] settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        return new ServiceCollection().AddFeeds(config).BuildServiceProvider().GetRequiredService<IOptions<FeedOptions>>().Value;
    }

    [Fact]
    public void Defaults_are_twenty_full_items_and_ten_thousand_urls_a_sitemap_in_english()
    {
        var options = Load();

        (options.Items, options.Content, options.SitemapPageSize, options.Language).ShouldBe((20, FeedContent.Full, 10_000, "en"));
    }

    [Theory]
    [InlineData("Feeds:SitemapPageSize", "50001")]
    [InlineData("Feeds:SitemapPageSize", "0")]
    [InlineData("Feeds:Items", "0")]
    public void Values_the_protocols_do_not_allow_are_refused(string key, string value) =>
        Should.Throw<OptionsValidationException>(() => Load((key, value))).Message.ShouldContain(key);

    [Fact]
    public void The_protocol_ceiling_itself_is_allowed() =>
        Load(("Feeds:SitemapPageSize", "50000"), ("Feeds:Content", "Summary")).SitemapPageSize.ShouldBe(50_000);
}

public sealed class RobotsTests
{
    private static RobotsOptions From(params (string Key, string Value)[] settings) =>
        RobotsOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Fact]
    public void Unconfigured_robots_keep_out_of_accounts_newsroom_and_search() =>
        From().Disallow.ShouldBe(["/account/", "/newsroom/", "/search"]);

    [Fact]
    public void An_empty_disallow_setting_allows_everything() =>
        Robots.Compose(From(("Robots:Disallow", "")), "https://example.org").ShouldStartWith("User-agent: *\nDisallow:\n\nSitemap: https://example.org/sitemap.xml\n");

    [Fact]
    public void A_single_extra_value_is_one_line() =>
        Robots.Compose(From(("Robots:Extra", "Crawl-delay: 5")), "https://example.org").ShouldEndWith("news-sitemap.xml\n\nCrawl-delay: 5\n");
}

public sealed class SitemapSchemaTests
{
    [Theory]
    [InlineData("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://example.org/a</loc><lastmod>yesterday</lastmod></url></urlset>")]
    [InlineData("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><lastmod>2026-01-01</lastmod></url></urlset>")]
    [InlineData("<urlset><url><loc>https://example.org/a</loc></url></urlset>")]
    public void The_schema_check_refuses_a_sitemap_that_breaks_the_protocol(string xml) =>
        Should.Throw<Exception>(() => SitemapSchemas.ShouldBeValidUrlset(xml));

    [Fact]
    public void The_index_check_refuses_an_index_without_sitemaps() =>
        Should.Throw<Exception>(() => SitemapSchemas.ShouldBeValidIndex("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>"));
}
