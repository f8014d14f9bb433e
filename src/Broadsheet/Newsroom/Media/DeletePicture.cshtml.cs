using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.Media;

/// <summary>
/// POST /newsroom/media/{id}/delete: an editor deletes a picture no article shows. A page of its own
/// because the library is a Staff page (authors upload there): here the role is declared once on the
/// model, so no handler code decides it. Without JavaScript a success redirects to the library and a
/// refusal renders it with 422; with htmx the library is answered for an in-place swap.
/// </summary>
[Authorize(Policy = Policies.Editors)]
[NeverStored]
public sealed class DeletePictureModel(MediaLibrary library, LibraryViews views) : PageModel
{
    public LibraryView View { get; private set; } = null!;
    private bool IsHtmx => Request.Headers.ContainsKey("HX-Request");

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var outcome = await library.DeleteAsync(id, User, ct);
        if (!outcome.Found) return NotFound();
        if (outcome.UsedBy.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await ShowAsync(problem: $"This picture is still shown on {string.Join("; ", outcome.UsedBy.Select(t => $"\"{t}\""))}. Choose another picture for those articles first.", notice: null, ct);
        }
        if (!IsHtmx) return RedirectToPage("/Newsroom/Media/Library", new { deleted = $"picture {id}" });
        return await ShowAsync(problem: null, notice: $"Deleted picture {id}.", ct);
    }

    // Without a handler (a GET, a PUT) Razor Pages would render the page with no library to show:
    // only a POST deletes, so every other method is told so.
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is not null) return;
        Response.Headers.Allow = "POST";
        context.Result = StatusCode(StatusCodes.Status405MethodNotAllowed);
    }

    private async Task<IActionResult> ShowAsync(string? problem, string? notice, CancellationToken ct)
    {
        View = await views.BuildAsync(User, 1, ct) with { Problem = problem, Notice = notice };
        return IsHtmx ? Partial("_Library", View) : Page();
    }
}
