using Broadsheet.Caching;
using Broadsheet.Shared;
using Microsoft.Extensions.Options;

namespace Broadsheet.Feeds;

/// <summary>RSS and Atom feeds, sitemaps and robots.txt: how the site is found and followed from outside.</summary>
public static class FeedSetup
{
    public static IServiceCollection AddFeeds(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<FeedOptions>()
            .Bind(config.GetSection("Feeds"))
            .Configure<IOptions<SiteOptions>>((o, site) => o.Language = site.Value.Language)
            .Validate(o => o.Items is >= 1 and <= FeedOptions.MaxItems, $"Feeds:Items must be between 1 and {FeedOptions.MaxItems}.")
            .Validate(o => o.SitemapPageSize is >= 1 and <= FeedOptions.MaxSitemapUrls,
                $"Feeds:SitemapPageSize must be between 1 and {FeedOptions.MaxSitemapUrls} (the sitemaps protocol allows no more URLs in one file).")
            .ValidateOnStart();
        services.AddSingleton(RobotsOptions.From(config));
        services.AddSingleton<MediaFiles>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        FeedEndpoints.Map(app);
        SitemapEndpoints.Map(app);
        app.MapGet("/robots.txt", Robots.Serve).CacheOutput(PageCache.Policy);
        return app;
    }
}
