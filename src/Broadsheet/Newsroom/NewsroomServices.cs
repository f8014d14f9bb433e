namespace Broadsheet.Newsroom;

/// <summary>The newsroom: access policies and the audit log (its pages register themselves as Razor Pages).</summary>
public static class NewsroomServices
{
    public static IServiceCollection AddNewsroom(this IServiceCollection services)
    {
        services.AddNewsroomAccess();
        services.AddScoped<AuditLog>();
        return services;
    }
}
