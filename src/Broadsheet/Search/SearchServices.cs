using Broadsheet.Data.Providers;

namespace Broadsheet.Search;

/// <summary>The "Search" configuration section.</summary>
public sealed class SearchOptions
{
    /// <summary>
    /// How words are stemmed. PostgreSQL accepts any text search configuration it has
    /// (english, german, french, simple, ...); SQLite's FTS5 stems English only, so there it is
    /// english or simple (no stemming). A change takes effect with `search reindex`.
    /// </summary>
    public string Language { get; set; } = "english";

    /// <summary>The language as the indexes compare and store it.</summary>
    public string NormalizedLanguage => Language.Trim().ToLowerInvariant();
}

public static class SearchServices
{
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SearchOptions>(config.GetSection("Search"));
        var index = DatabaseProviders.For(config).Choose(typeof(SqliteSearchIndex), typeof(PostgresSearchIndex));
        services.AddSingleton(typeof(ISearchIndex), index);
        services.AddScoped<ArticleSearch>();
        return services;
    }
}
