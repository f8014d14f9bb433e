using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.Articles;

/// <summary>The article list, the editor, revisions, preview links, the scheduler and the breaking-news bar.</summary>
public static class NewsroomArticles
{
    public static IServiceCollection AddNewsroomArticles(this IServiceCollection services)
    {
        services.AddScoped<ArticleDesk>();
        services.AddScoped<PreviewLinks>();
        services.AddSingleton<BreakingNews>();
        services.AddSingleton<ArticleScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ArticleScheduler>());
        // One page writes new articles and edits existing ones.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Newsroom/Articles/Edit", "/newsroom/articles/new"));
        return services;
    }

    public static WebApplication MapNewsroomArticles(this WebApplication app)
    {
        app.MapEditorEndpoints();
        return app;
    }
}
