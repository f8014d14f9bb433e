using Broadsheet.Shared;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using System.Text.Json.Serialization;

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
        services.AddSingleton<ApiKeyCache>();
        services.AddScoped<ApiContent>();
        var origins = CorsOrigins(config);
        services.AddCors(o => o.AddPolicy(CorsPolicy, p =>
        {
            // Keys travel in a header or the URL, never in cookies, so no credentials are allowed.
            if (origins.Contains("*")) p.AllowAnyOrigin(); else p.WithOrigins(origins);
            p.WithMethods("GET", "HEAD").WithHeaders("Authorization", "If-None-Match")
                .WithExposedHeaders("ETag", "Retry-After", "WWW-Authenticate")
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
        // The web defaults read numbers from strings too, and the OpenAPI generator then (truthfully)
        // types every integer as ["integer","string"]. The API never reads JSON, only writes it, and
        // writes plain numbers: strict handling makes the document say "integer", as the answers are.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOpenApi(DocumentName, o =>
        {
            o.AddOperationTransformer(ApiOperations.DescribeAsync);
            o.AddSchemaTransformer(ApiOperations.DescribeSchemaAsync);
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
        // Every error under /api is no-store, whichever part of the pipeline wrote it (a refused
        // key, a bad parameter, an unknown path, a 405, a failure): an error must not be replayed.
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/api"))
                http.Response.OnStarting(static state =>
                {
                    var response = (HttpResponse)state;
                    if (response.StatusCode >= 400) response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                }, http.Response);
            return next(http);
        });
        var api = app.MapGroup("/api/v1")
            .WithTags(ApiDocument.Tag)
            .AddEndpointFilter<ApiKeyFilter>()
            .AddEndpointFilterFactory(ApiQueryFilter.Create)
            .AddEndpointFilter<ApiETagFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .CacheOutput(p => p.NoCache()); // per key: never from the reader pages' output cache
        if (CorsOrigins(app.Configuration).Length > 0) api.RequireCors(CorsPolicy);
        api.MapApiResources();

        // Anything else under /api is a problem+json answer, never the site's HTML error page.
        app.Map("/api/{**rest}", (HttpContext http) =>
            {
                if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                    return ApiProblems.NotFound("There is no such API resource. See /developers/api for the endpoints.");
                http.Response.Headers.Allow = "GET, HEAD";
                return ApiProblems.MethodNotAllowed();
            })
            .ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json").CacheOutput(p => p.NoCache());
        return app;
    }
}
