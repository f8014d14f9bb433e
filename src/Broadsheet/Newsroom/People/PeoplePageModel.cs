using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.People;

/// <summary>
/// What the account pages share: the person shown, a notice after a redirect, and turning an
/// action's <see cref="Outcome"/> into a redirect (done), a 404 (no such account) or the page
/// again with the reason and a 422 (refused).
/// </summary>
[NeverStored]
public abstract class PeoplePageModel(PeopleDirectory directory) : PageModel
{
    public Person Person { get; private set; } = null!;
    public string? Message { get; protected set; }
    public string? Problem { get; protected set; }

    protected async Task<IActionResult> ShowAsync(int id, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        if (await directory.FindAsync(id, ct) is not { } person) return NotFound();
        Person = person;
        Response.StatusCode = status;
        return Page();
    }

    protected async Task<IActionResult> AfterAsync(Outcome outcome, int id, string done, CancellationToken ct, string? returnUrl = null)
    {
        if (!outcome.Found) return NotFound();
        if (outcome.Problem is { } problem)
        {
            Problem = problem;
            return await ShowAsync(id, ct, StatusCodes.Status422UnprocessableEntity);
        }
        if (LocalPath.Normalize(returnUrl) is { } back) return LocalRedirect(back);
        return RedirectToPage(new { id, done });
    }

    protected Task<IActionResult> RefuseAsync(int id, string problem, CancellationToken ct) => AfterAsync(Outcome.Refused(problem), id, "", ct);
}
