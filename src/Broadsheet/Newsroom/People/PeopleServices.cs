namespace Broadsheet.Newsroom.People;

/// <summary>User administration, bans and the audit log viewer (their pages register themselves as Razor Pages).</summary>
public static class PeopleServices
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<PeopleDirectory>();
        services.AddScoped<PeopleActions>();
        services.AddScoped<Invitations>();
        services.AddScoped<AuditQuery>();
        return services;
    }
}
