using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Broadsheet.Shared;

/// <summary>
/// When no handler on a page fits the request, Razor Pages still renders the page, with none
/// of its data loaded: TRACE /articles/x or POST ?handler=Nope then dies on a null model (500).
/// Here, once for every page: a handler name the page does not have for this method is 404,
/// and a method the page has no handler for is 405 with Allow. A page with no GET handler at
/// all still renders for GET and HEAD, as it always has.
/// </summary>
public sealed class PageHandlers : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && Refusal(context) is { } refusal)
        {
            context.Result = refusal;
            return Task.CompletedTask;
        }
        return next();
    }

    private static IActionResult? Refusal(PageHandlerExecutingContext context)
    {
        var request = context.HttpContext.Request;
        var handlers = context.ActionDescriptor.HandlerMethods;
        // HEAD is answered by the GET handlers, as the framework's own selection does.
        var method = HttpMethods.IsHead(request.Method) ? HttpMethods.Get : request.Method;
        var served = handlers.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase));
        if (HttpMethods.IsGet(method) && !served) return null;
        if (served) return new NotFoundResult();
        var allow = handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Append("GET").Append("HEAD").Distinct().Order(StringComparer.Ordinal);
        context.HttpContext.Response.Headers.Allow = string.Join(", ", allow);
        return new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}
