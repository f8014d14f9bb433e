using Broadsheet.Comments;
using Broadsheet.Shared;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsroom.Site;

/// <summary>Live site settings (over configuration) and the sections-and-tags admin.</summary>
public static class SiteAdminServices
{
    public static IServiceCollection AddSiteAdmin(this IServiceCollection services)
    {
        services.AddSingleton<LiveSettings>();
        services.AddHostedService<SettingsPoller>();
        // Closed registrations win over the open IOptionsMonitor<>: these two are live.
        services.AddSingleton<IOptionsMonitor<SiteOptions>>(sp =>
            new LiveOptions<SiteOptions>(sp.GetRequiredService<IOptionsFactory<SiteOptions>>(), sp.GetRequiredService<LiveSettings>(), Overrides.ApplyTo));
        services.AddSingleton<IOptionsMonitor<CommentOptions>>(sp =>
            new LiveOptions<CommentOptions>(sp.GetRequiredService<IOptionsFactory<CommentOptions>>(), sp.GetRequiredService<LiveSettings>(), Overrides.ApplyTo));
        services.AddScoped<SettingsStore>();
        services.AddScoped<SectionAdmin>();
        return services;
    }
}
