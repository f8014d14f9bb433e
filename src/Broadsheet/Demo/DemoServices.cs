namespace Broadsheet.Demo;

public static class DemoServices
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddSingleton<DemoNewsroom>();
        services.AddSingleton<DemoSeeding>();
        services.AddSingleton(new DemoSeedingGate(open: true));
        return services;
    }
}
