namespace Broadsheet.Newsroom.Dashboard;

/// <summary>/newsroom, the newsroom's front page (the page registers itself as a Razor Page).</summary>
public static class DashboardServices
{
    public static IServiceCollection AddNewsroomDashboard(this IServiceCollection services) => services.AddScoped<DashboardQueries>();
}
