using Broadsheet.Api;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Broadsheet.Pages;

/// <summary>
/// The page operations in the OpenAPI document: fields= takes page fields (the API's own
/// transformer, which runs first, describes article fields), and every page field is optional.
/// </summary>
public static class PageApiDocument
{
    private static readonly HashSet<string> Operations = ["ListPages", "GetPage", "GetPageById"];

    public static IServiceCollection AddPageApiDocument(this IServiceCollection services) =>
        services.Configure<OpenApiOptions>(ApiServices.DocumentName, o =>
        {
            o.AddOperationTransformer(DescribeOperation);
            o.AddSchemaTransformer(DescribeSchema);
        });

    private static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (!Operations.Contains(operation.OperationId ?? "")) return Task.CompletedTask;
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In != ParameterLocation.Query) continue;
            if (parameter.Name == "fields") parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = PageApi.FieldPattern };
            if (parameter.Name == "limit" && parameter.Schema is OpenApiSchema limit) limit.Default = System.Text.Json.Nodes.JsonValue.Create(ApiEndpoints.TermDefaultLimit);
        }
        return Task.CompletedTask;
    }

    private static Task DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type != typeof(ApiPage)) return Task.CompletedTask;
        schema.Required?.Clear();
        schema.Description = "A published page. Every field is optional: fields= returns only those named; without it a list item has all but html and plaintext, and a single page all but plaintext (ask with formats=).";
        foreach (var body in ApiParameters.Formats)
            if (schema.Properties?.TryGetValue(body, out var property) == true && property is OpenApiSchema text) text.Type = JsonSchemaType.String;
        return Task.CompletedTask;
    }
}
