using Microsoft.OpenApi;

namespace Broadsheet.Api;

/// <summary>What the generated OpenAPI document cannot learn from the endpoints: its title, its server and the two ways to send a key.</summary>
public static class ApiDocument
{
    public const string Bearer = "bearer";
    public const string QueryKey = "queryKey";
    public const string Tag = "Content API";

    /// <param name="origin">The configured origin (<see cref="Shared.SiteOrigin"/>); the generator would take the request's Host.</param>
    public static void Describe(OpenApiDocument doc, string origin)
    {
        doc.Servers = [new OpenApiServer { Url = origin }];
        doc.Info.Title = "Broadsheet Content API";
        doc.Info.Version = "v1";
        doc.Info.Description = "Read-only access to the live articles, sections, tags and authors. Every request needs a key from the newsroom (/newsroom/api-keys).";
        doc.Tags = new HashSet<OpenApiTag> { new() { Name = Tag, Description = "Live articles, sections, tags, authors and search; read-only." } };
        doc.Components ??= new OpenApiComponents();
        doc.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer",
                Description = "Authorization: Bearer bs_xxxxxxxx_...",
            },
            [QueryKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = "key",
                Description = "?key=bs_xxxxxxxx_... for clients that cannot set headers (static-site builds).",
            },
        };
        // Either scheme on its own satisfies the API: two requirements, not one with both.
        doc.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, doc)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(QueryKey, doc)] = [] },
        ];
    }
}
