namespace Broadsheet.Demo;

public static class DemoServices
{
    public static IServiceCollection AddDemo(this IServiceCollection services) =>
        services.AddSingleton<DemoNewsroom>();
}
