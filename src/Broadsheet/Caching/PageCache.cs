using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace Broadsheet.Caching;

/// <summary>
/// Reader pages are rendered once and served from the output cache until content changes
/// (whoever changes content calls <see cref="ContentChangedAsync"/>, and with Redis every instance
/// hears of it) or the lifetime ends, whichever comes first. The lifetime is one second by
/// default: it bounds how stale the counts on a cached page are (docs/architecture.md), and at
/// one render per second per page a spike on one story is still served almost wholly from memory.
/// Only anonymous GETs without cookies set in the response are cached, so nothing personal is
/// ever stored or shared.
/// </summary>
public static class PageCache
{
    public const string Policy = "page";
    public const string ContentTag = "content";

    public static IServiceCollection AddPageCache(this IServiceCollection services, IConfiguration config)
    {
        var seconds = config.GetValue("Caching:PageSeconds", 1);
        services.AddOutputCache(o =>
        {
            o.AddPolicy(Policy, b => b
                .Expire(TimeSpan.FromSeconds(Math.Max(0, seconds)))
                .SetVaryByQuery("page", "sort", "before")
                .SetVaryByHeader("HX-Request")
                .Tag(ContentTag)
                .With(_ => seconds > 0));
        });
        ShareEvictions(services, config);
        services.AddScoped<PageHoles>();
        services.AddSingleton<PartialRenderer>();
        services.AddSingleton<FormTokens>();
        return services;
    }

    /// <summary>Wraps the store AddOutputCache registered, so every eviction also reaches the other instances.</summary>
    private static void ShareEvictions(IServiceCollection services, IConfiguration config)
    {
        var redis = config["Redis:Configuration"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var options = ConfigurationOptions.Parse(redis);
            // Start and keep serving while Redis is away; the client reconnects and resubscribes by itself.
            options.AbortOnConnectFail = false;
            // An eviction is best effort (the page lifetime bounds the rest): while Redis is away it
            // fails at once rather than holding an editor's save until a queued command times out.
            options.BacklogPolicy = BacklogPolicy.FailFast;
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        }
        var inner = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(inner);
        services.AddSingleton<IOutputCacheStore>(sp => new SharedEvictions(
            inner.ImplementationFactory?.Invoke(sp) as IOutputCacheStore
                ?? inner.ImplementationInstance as IOutputCacheStore
                ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!),
            sp.GetServices<IContentCopy>(), sp.GetService<IConnectionMultiplexer>(), sp.GetRequiredService<ILogger<SharedEvictions>>()));
        services.AddHostedService<SharedEvictionsListener>();
    }

    /// <summary>Drops every cached page; called after anything a reader can see has changed.</summary>
    public static ValueTask ContentChangedAsync(this IOutputCacheStore store, CancellationToken ct = default) =>
        store.EvictByTagAsync(ContentTag, ct);
}
