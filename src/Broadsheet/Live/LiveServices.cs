using Broadsheet.Articles;
using StackExchange.Redis;

namespace Broadsheet.Live;

public static class LiveServices
{
    public static IServiceCollection AddLive(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<LiveOptions>(config.GetSection("Live"));
        services.AddSingleton<LiveHub>();
        // The page cache's Redis connection, when there is one (Caching/PageCache).
        services.AddSingleton(sp => new LiveSignal(sp.GetRequiredService<LiveHub>(), sp.GetService<IConnectionMultiplexer>(), sp.GetRequiredService<ILogger<LiveSignal>>()));
        services.AddScoped<LiveDesk>();
        services.AddScoped<IStoryAdditions, LiveAdditions>();
        services.AddHostedService<LiveHeartbeat>();
        return services;
    }
}
