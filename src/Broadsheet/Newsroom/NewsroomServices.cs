using Broadsheet.Newsroom.Analytics;
using Broadsheet.Newsroom.Articles;
using Broadsheet.Newsroom.Dashboard;
using Broadsheet.Newsroom.Media;
using Broadsheet.Newsroom.People;
using Broadsheet.Newsroom.Site;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom;

/// <summary>
/// The newsroom under /newsroom: access policies and the audit log, then each desk (articles,
/// pictures, people, sections and settings, dashboard and analytics). Its pages register
/// themselves as Razor Pages; the few endpoints and the upload guard are mapped here.
/// </summary>
public static class NewsroomServices
{
    public static IServiceCollection AddNewsroom(this IServiceCollection services, IConfiguration config)
    {
        return services
            .AddNewsroomArticles()
            .AddMediaLibrary(config)
            .AddPeople()
            .AddSiteAdmin()
            .AddNewsroomDashboard()
            .AddNewsroomAnalytics();
    }

    public static WebApplication MapNewsroom(this WebApplication app)
    {
        app.MapMediaLibrary();
        app.MapNewsroomArticles();
        return app;
    }
}
