using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Broadsheet.Api;

/// <summary>
/// /developers/api: the Content API's reference, rendered on the server from the same OpenAPI
/// document that /openapi/v1.json serves, so the page and the document cannot disagree.
/// Plain HTML, no script: it works under the site's CSP and without JavaScript.
/// </summary>
public sealed class ReferenceModel([FromKeyedServices(ApiServices.DocumentName)] IOpenApiDocumentProvider documents) : PageModel
{
    public sealed record Operation(string Method, string Path, string Id, string? Summary, string? Description,
        IReadOnlyList<IOpenApiParameter> Parameters, IReadOnlyList<(string Status, string? Description)> Responses);

    public OpenApiDocument Document { get; private set; } = null!;
    public IReadOnlyList<Operation> Operations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Document = await documents.GetOpenApiDocumentAsync(ct);
        Operations = (from path in Document.Paths
                      from op in path.Value.Operations ?? []
                      orderby path.Key, op.Key.Method
                      select new Operation(op.Key.Method, path.Key, op.Value.OperationId ?? "", op.Value.Summary, op.Value.Description,
                          op.Value.Parameters?.ToList() ?? [],
                          (op.Value.Responses ?? []).OrderBy(r => r.Key).Select(r => (r.Key, r.Value.Description)).ToList()))
                     .ToList();
    }
}
