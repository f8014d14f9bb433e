namespace Broadsheet.Newsroom.Analytics;

/// <summary>/newsroom/analytics and /newsroom/articles/{id}/analytics (their pages register themselves as Razor Pages).</summary>
public static class AnalyticsServices
{
    public static IServiceCollection AddNewsroomAnalytics(this IServiceCollection services) => services.AddScoped<AnalyticsQueries>();
}
