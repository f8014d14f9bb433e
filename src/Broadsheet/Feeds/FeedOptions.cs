namespace Broadsheet.Feeds;

/// <summary>What a feed item carries: the whole story, or only its standfirst.</summary>
public enum FeedContent
{
    Full,
    Summary,
}

/// <summary>The "Feeds" configuration section: feeds and sitemaps.</summary>
public sealed class FeedOptions
{
    /// <summary>The sitemaps protocol's ceiling on URLs in one file.</summary>
    public const int MaxSitemapUrls = 50_000;

    public const int MaxItems = 500;

    /// <summary>Newest live stories per feed.</summary>
    public int Items { get; set; } = 20;

    public FeedContent Content { get; set; } = FeedContent.Full;

    /// <summary>Articles per /sitemaps/articles-{n}.xml.</summary>
    public int SitemapPageSize { get; set; } = 10_000;

    /// <summary>Site:Language, for the feeds' language and the news sitemap.</summary>
    public string Language { get; set; } = "en";
}
