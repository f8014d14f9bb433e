using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Shared;

/// <summary>
/// Reader pages are rendered once and served from the output cache until content changes
/// (whoever changes content calls <see cref="ContentChangedAsync"/>) or the lifetime ends,
/// whichever comes first. The lifetime bounds how stale the counters on a cached page can be
/// and how far two instances' caches can disagree. Only anonymous GETs without cookies set in
/// the response are cached, so nothing personal is ever stored or shared.
/// </summary>
public static class PageCache
{
    public const string Policy = "page";
    public const string ContentTag = "content";

    public static IServiceCollection AddPageCache(this IServiceCollection services, IConfiguration config)
    {
        var seconds = config.GetValue("Caching:PageSeconds", 30);
        services.AddOutputCache(o =>
        {
            o.AddPolicy(Policy, b => b
                .Expire(TimeSpan.FromSeconds(Math.Max(0, seconds)))
                .SetVaryByQuery("page")
                .SetVaryByHeader("HX-Request")
                .Tag(ContentTag)
                .With(_ => seconds > 0));
        });
        return services;
    }

    /// <summary>Drops every cached page; called after anything a reader can see has changed.</summary>
    public static ValueTask ContentChangedAsync(this IOutputCacheStore store, CancellationToken ct = default) =>
        store.EvictByTagAsync(ContentTag, ct);
}
