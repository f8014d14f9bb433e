using Broadsheet.Feeds;
using Broadsheet.Shared;

namespace Broadsheet.Pages;

/// <summary>Static pages: the newsroom's editor, the reader page, the menu and footer links, the sitemap file and the API.</summary>
public static class PageServices
{
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddScoped<PageDesk>();
        services.AddSingleton<PageLinks>();
        services.AddSingleton<ISiteLinks>(sp => sp.GetRequiredService<PageLinks>());
        services.AddSingleton<Caching.IContentCopy>(sp => sp.GetRequiredService<PageLinks>());
        services.AddSingleton<PageViewPaths>();
        services.AddSingleton<Views.IViewPaths>(sp => sp.GetRequiredService<PageViewPaths>());
        services.AddSingleton<Caching.IContentCopy>(sp => sp.GetRequiredService<PageViewPaths>());
        services.AddSingleton<ISitemapFile, PageSitemap>();
        services.AddSingleton<Api.IApiResources, PageApi>();
        services.AddPageApiDocument();
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Pages/Newsroom/Edit", "/newsroom/pages/new"));
        return services;
    }

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        PageSitemap.Map(app);
        return app;
    }
}
