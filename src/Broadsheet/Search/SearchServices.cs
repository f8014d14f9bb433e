using Broadsheet.Data;

namespace Broadsheet.Search;

public static class SearchServices
{
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration config)
    {
        if (DataServices.ProviderFrom(config) == DatabaseProvider.Postgres) services.AddSingleton<ISearchIndex, PostgresSearchIndex>();
        else services.AddSingleton<ISearchIndex, SqliteSearchIndex>();
        services.AddScoped<ArticleSearch>();
        return services;
    }
}
