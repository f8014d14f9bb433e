using Broadsheet.Accounts;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Globalization;
using Broadsheet.Data.Identity;

namespace Broadsheet.Comments;

/// <summary>
/// Shared shape of the comment pages. Each is a full page without JavaScript; asked by htmx it
/// answers with just the piece that changed. A refusal is a readable sentence with its status
/// (403, 404, 422, 429), inline for htmx and as a page otherwise, never a bare error.
/// Nothing here is cached: every answer carries the viewer's own state.
/// </summary>
[NeverStored]
public abstract class CommentPageModel(TimeProvider clock) : PageModel
{
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    /// <summary>Set when the request was refused; the page then shows this instead of its form.</summary>
    public Refusal? Refusal { get; protected set; }

    protected bool IsHtmx => Request.Headers.ContainsKey("HX-Request");

    /// <summary>
    /// The signed-in writer; a moderator (the editors' policy) may edit or remove anyone's comment,
    /// and staff (the newsroom policy: authors too) are never held for moderation.
    /// </summary>
    protected async Task<Actor> ActorAsync()
    {
        // The base class keeps its one constructor argument, so the service comes from the request.
        var auth = HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        var moderator = (await auth.AuthorizeAsync(User, Policies.Editors)).Succeeded;
        return new(User.UserId()!.Value, moderator, moderator || (await auth.AuthorizeAsync(User, Policies.Staff)).Succeeded);
    }

    protected IActionResult Refused(Refusal refusal)
    {
        Refusal = refusal;
        Response.StatusCode = refusal.Status;
        return IsHtmx ? Partial("_Refusal", refusal) : Page();
    }

    /// <summary>The site's 404 page, or for htmx a sentence in place (the error page would arrive with its whole layout).</summary>
    protected IActionResult Missing(string message) => IsHtmx ? Refused(Refusal.Gone(message)) : NotFound();

    /// <summary>With htmx, the comment itself comes back with the reason under it, so it never vanishes from the thread.</summary>
    protected IActionResult RefusedInPlace(CommentItem item, Refusal refusal)
    {
        if (!IsHtmx) return Refused(refusal);
        Refusal = refusal;
        Response.StatusCode = refusal.Status;
        return Partial("_CommentSelf", item with { Notice = refusal.Message });
    }

    protected Refusal TooMany(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var when = seconds < 90 ? $"{seconds} seconds" : $"{(seconds + 59) / 60} minutes";
        return new Refusal(StatusCodes.Status429TooManyRequests, $"You are commenting faster than we allow. Try again in {when}.");
    }
}
