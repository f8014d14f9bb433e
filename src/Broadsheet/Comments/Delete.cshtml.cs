using Broadsheet.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Broadsheet.Comments;

/// <summary>
/// POST /comments/{id}/delete: the author takes their comment down. With replies it stays as
/// "[deleted]", without it is gone; with htmx the answer takes the comment's place.
/// </summary>
[Authorize]
public sealed class DeleteModel(BroadsheetDb db, CommentWriter writer, IOptionsMonitor<CommentOptions> options, TimeProvider clock)
    : CommentPageModel(clock)
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var before = await CommentItem.LoadAsync(db, id, User, options.CurrentValue.CloseAfterDays, Now, ct);
        if (before is null) return Refused(Refusal.Gone());
        var (kept, refusal) = await writer.DeleteAsync(id, await ActorAsync(), ct);
        if (refusal is not null) return RefusedInPlace(before, refusal);
        var article = before.Context.Article;
        if (!IsHtmx) return Redirect(kept == true ? article.AnchorOf(id) : $"{article.ThreadPath}#comments");
        if (kept == true && await CommentItem.LoadAsync(db, id, User, options.CurrentValue.CloseAfterDays, Now, ct) is { } placeholder)
            return Partial("_CommentSelf", placeholder);
        return Content("""<p class="comment-self comment-gone" role="status">Your comment has been deleted.</p>""", "text/html; charset=utf-8");
    }
}
