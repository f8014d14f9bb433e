using Broadsheet.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Broadsheet.Comments;

/// <summary>/comments/{id}: the comment in its thread; for htmx (an edit cancelled) just the comment.</summary>
public sealed class PermalinkModel(BroadsheetDb db, IOptionsMonitor<CommentOptions> options, TimeProvider clock) : CommentPageModel(clock)
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var item = await CommentItem.LoadAsync(db, id, User, options.CurrentValue.CloseAfterDays, Now, ct);
        if (item is null || item.Node.Kind == NodeKind.Removed) return Missing("That comment is not there any more.");
        return IsHtmx ? Partial("_CommentSelf", item) : Redirect(item.Context.Article.AnchorOf(id));
    }
}
