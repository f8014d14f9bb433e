using Broadsheet.Shared;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using System.Text.Json.Nodes;

namespace Broadsheet.Api;

/// <summary>
/// What the generator cannot learn from the handlers. Parameters are bound as strings so that every
/// bad value gets our own 400 (<see cref="ApiParameters"/>); the document still gives each one its
/// real type, range and values, which is the contract those 400s enforce. And the answers every
/// operation may give besides its 200: 304 for a matching If-None-Match, 401 with WWW-Authenticate,
/// 405 with Allow, 429 with Retry-After.
/// </summary>
public static class ApiOperations
{
    private const string SlugList = "^-?[a-z0-9]+(-[a-z0-9]+)*(,-?[a-z0-9]+(-[a-z0-9]+)*)*$";
    private static readonly string FormatList = $"^({string.Join('|', ApiParameters.Formats)})(,({string.Join('|', ApiParameters.Formats)}))*$";
    private static readonly string FieldList = $"^({string.Join('|', ApiParameters.ArticleFields)})(,({string.Join('|', ApiParameters.ArticleFields)}))*$";
    private const string DateOrInstant = "^\\d{4}-\\d{2}-\\d{2}(T.+)?$";

    /// <summary>Lists of terms default to 100 a page, articles and search to 15.</summary>
    private static readonly HashSet<string> TermLists = ["ListCategories", "ListTags", "ListAuthors"];

    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var termList = TermLists.Contains(operation.OperationId ?? "");
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In != ParameterLocation.Query) continue;
            if (Schema(parameter.Name!, termList) is { } schema) parameter.Schema = schema;
            if (parameter.Name == "q") parameter.Required = true;
        }
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match", In = ParameterLocation.Header,
            Description = "An ETag from an earlier answer: while the answer is unchanged it is a 304 with no body.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });

        var responses = operation.Responses ??= new OpenApiResponses();
        var problem = responses.TryGetValue("400", out var bad) ? bad.Content : null;
        if (responses.TryGetValue("200", out var ok) && ok is OpenApiResponse okay)
        {
            okay.Headers ??= new Dictionary<string, IOpenApiHeader>();
            okay.Headers["ETag"] = Header("A strong tag of this exact body; send it back as If-None-Match.", JsonSchemaType.String, required: true);
            okay.Headers["Cache-Control"] = Header("private, no-cache: the answer belongs to a key; keep it only to revalidate.", JsonSchemaType.String);
        }
        responses["304"] = new OpenApiResponse
        {
            Description = "Not Modified: the If-None-Match tag still names this answer. No body.",
            Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = Header("The same tag.", JsonSchemaType.String, required: true) },
        };
        if (responses.TryGetValue("401", out var unauthorized) && unauthorized is OpenApiResponse denied)
        {
            denied.Description = "Unauthorized: no key, or one that is not valid (malformed, unknown or revoked).";
            denied.Headers ??= new Dictionary<string, IOpenApiHeader>();
            denied.Headers["WWW-Authenticate"] = Header("Bearer realm=\"Broadsheet Content API\"", JsonSchemaType.String, required: true);
        }
        if (responses.TryGetValue("403", out var forbidden) && forbidden is OpenApiResponse wrongSite)
            wrongSite.Description = "Forbidden: a browser key used from a page (Origin) that is not one of its sites, or with no Origin.";
        responses["405"] = new OpenApiResponse
        {
            Description = "Method Not Allowed: the API is read-only; any method but GET and HEAD.",
            Content = problem,
            Headers = new Dictionary<string, IOpenApiHeader> { ["Allow"] = Header("GET, HEAD", JsonSchemaType.String, required: true) },
        };
        if (responses.TryGetValue("429", out var tooMany) && tooMany is OpenApiResponse slow)
        {
            slow.Description = "Too Many Requests: over the key's (or, for failed keys, the address's) limit.";
            slow.Headers ??= new Dictionary<string, IOpenApiHeader>();
            slow.Headers["Retry-After"] = Header("Seconds to wait before trying again.", JsonSchemaType.Integer, required: true);
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema? Schema(string name, bool termList) => name switch
    {
        "page" => Integer(1, Paging.MaxPage, 1),
        "limit" => Integer(1, ApiParameters.MaxLimit, termList ? ApiEndpoints.TermDefaultLimit : ApiParameters.DefaultLimit),
        "sort" => Enum(["relevance", "newest"], "relevance"),
        "order" => Enum(ApiParameters.Orders, "published"),
        "direction" => Enum(ApiParameters.Directions, null),
        "category" or "tag" or "author" => Pattern(SlugList),
        "include" or "formats" => Pattern(FormatList),
        "fields" => Pattern(FieldList),
        "from" or "to" or "updated_since" => Pattern(DateOrInstant),
        "q" => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1 },
        _ => null,
    };

    private static OpenApiSchema Integer(int min, int max, int @default) => new()
    {
        Type = JsonSchemaType.Integer, Format = "int32", Minimum = min.ToString(), Maximum = max.ToString(), Default = JsonValue.Create(@default),
    };

    private static OpenApiSchema Enum(IEnumerable<string> values, string? @default) => new()
    {
        Type = JsonSchemaType.String, Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
        Default = @default is null ? null : JsonValue.Create(@default),
    };

    private static OpenApiSchema Pattern(string pattern) => new() { Type = JsonSchemaType.String, Pattern = pattern };

    private static OpenApiHeader Header(string description, JsonSchemaType type, bool required = false) =>
        new() { Description = description, Required = required, Schema = new OpenApiSchema { Type = type } };

    /// <summary>
    /// An article's fields are all optional: fields= cuts any of them, lists leave out html and
    /// plaintext, a single article plaintext. When there, html and plaintext are strings, never null.
    /// </summary>
    public static Task DescribeSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type != typeof(ApiArticle)) return Task.CompletedTask;
        schema.Required?.Clear();
        schema.Description = "A live article. Every field is optional: fields= returns only those named; without it a list item has all but html and plaintext, and a single article all but plaintext (ask with include= or formats=).";
        foreach (var body in ApiParameters.Formats)
            if (schema.Properties?.TryGetValue(body, out var property) == true && property is OpenApiSchema text) text.Type = JsonSchemaType.String;
        return Task.CompletedTask;
    }
}
