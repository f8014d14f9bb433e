using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Broadsheet.Caching;

/// <summary>
/// Renders a Razor partial to a string outside a page: a hole's personal fill, or an endpoint's
/// fragment. The same partial renders inside the shared page, so the two cannot drift apart.
/// </summary>
public sealed class PartialRenderer(IRazorViewEngine engine, ITempDataDictionaryFactory tempData, IModelMetadataProvider metadata)
{
    public async Task<string> RenderAsync(HttpContext http, string path, object? model)
    {
        var view = engine.GetView(executingFilePath: null, viewPath: path, isMainPage: false).View
            ?? throw new InvalidOperationException($"No partial at {path}.");
        var action = new ActionContext(http, http.GetRouteData(), new ActionDescriptor());
        await using var writer = new StringWriter();
        var data = new ViewDataDictionary(metadata, new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(action, view, data, tempData.GetTempData(http), writer, new HtmlHelperOptions());
        await view.RenderAsync(context);
        return writer.ToString();
    }
}
