using Broadsheet.Accounts;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Broadsheet.Data.Identity;

namespace Broadsheet.Follows;

/// <summary>
/// POST /follow: follow or unfollow, then back to the page (no JavaScript) or the new button
/// in place (htmx). Signed-out readers never reach it: their button is a sign-in link.
/// </summary>
[Authorize]
public sealed class FollowActionModel(BroadsheetDb db, FollowWriter writer, IOutputCacheStore pages, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(string? kind, string? slug, string? follow, string? returnUrl, CancellationToken ct)
    {
        if (!FollowTarget.TryParseKind(kind, out var k) || !bool.TryParse(follow, out var wanted)) return BadRequest();
        var target = await FollowTarget.FindAsync(db, k, slug, ct);
        if (target is null) return NotFound();
        var userId = User.UserId()!.Value;
        await Following.SetAsync(writer, userId, target, wanted, clock.GetUtcNow().UtcDateTime, ct);
        // The shared pages showing this target's follower count; the reader's own button state needs no eviction (it is a hole).
        await pages.EvictByTagAsync(FollowHole.TagFor(target.Kind, target.Id), ct);

        var back = LocalPath.OrHome(returnUrl);
        if (!Request.Headers.ContainsKey("HX-Request")) return LocalRedirect(back);
        return Partial("~/Follows/_FollowButton.cshtml", await Following.ButtonAsync(db, User, target, back, ct));
    }
}
