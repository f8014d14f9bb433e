using Broadsheet.Shared;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Broadsheet.Api;

/// <summary>
/// The read-only Content API: /api/v1 (keyed), its OpenAPI document at /openapi/v1.json and the
/// reference page at /developers/api (both public), and CORS for the API alone.
/// </summary>
public static class ApiServices
{
    public const string CorsPolicy = "api";
    public const string DocumentName = "v1";

    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration config)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ApiKeys>();
        services.AddScoped<ApiContent>();
        var origins = CorsOrigins(config);
        services.AddCors(o => o.AddPolicy(CorsPolicy, p =>
        {
            // Keys travel in a header or the URL, never in cookies, so no credentials are allowed.
            if (origins.Contains("*")) p.AllowAnyOrigin(); else p.WithOrigins(origins);
            p.WithMethods("GET").WithHeaders("Authorization", "If-None-Match")
                .WithExposedHeaders("ETag", "Retry-After", "WWW-Authenticate")
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((doc, context, _) =>
            {
                ApiDocument.Describe(doc, context.ApplicationServices.GetRequiredService<SiteOrigin>().Value);
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Api:Cors:Origins; empty (the default) means no CORS headers at all.</summary>
    public static string[] CorsOrigins(IConfiguration config) =>
        (config.GetSection("Api:Cors:Origins").Get<string[]>() ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/')).ToArray();

    public static WebApplication MapApi(this WebApplication app)
    {
        // After UseRouting (in UseSite), so the policy is the matched endpoint's: only the API's.
        app.UseCors();
        var api = app.MapGroup("/api/v1")
            .WithTags("Content API")
            .AddEndpointFilter<ApiKeyFilter>()
            .AddEndpointFilter<ApiETagFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .CacheOutput(p => p.NoCache()); // per key: never from the reader pages' output cache
        if (CorsOrigins(app.Configuration).Length > 0) api.RequireCors(CorsPolicy);
        api.MapApiResources();

        // Anything else under /api is a problem+json answer, never the site's HTML error page.
        app.Map("/api/{**rest}", (HttpContext http) => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? ApiProblems.NotFound("There is no such API resource. See /developers/api for the endpoints.")
                : ApiProblems.MethodNotAllowed())
            .ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json").CacheOutput(p => p.NoCache());
        return app;
    }
}
