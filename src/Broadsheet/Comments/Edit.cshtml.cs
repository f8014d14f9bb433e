using Broadsheet.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Comments;

/// <summary>
/// /comments/{id}/edit: the author changes their comment within 15 minutes of posting. With htmx
/// the form takes the comment's place and the saved comment comes back in it; without, a page.
/// </summary>
[Authorize]
public sealed class EditModel(BroadsheetDb db, CommentWriter writer, IOptionsMonitor<CommentOptions> options, TimeProvider clock)
    : CommentPageModel(clock)
{
    public CommentItem Item { get; private set; } = null!;
    public string Text { get; private set; } = "";
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var item = await CommentItem.LoadAsync(db, id, User, options.CurrentValue.CloseAfterDays, Now, ct);
        if (item is null || !item.Readable) return Refused(Refusal.Gone());
        Item = item;
        if (!item.IsMine) return RefusedInPlace(item, Refusal.Forbidden("You can only edit your own comments."));
        if (item.Context.Gate is { } gate) return RefusedInPlace(item, Refusal.Forbidden(gate));
        if (!item.CanEdit) return RefusedInPlace(item, CommentWriter.EditWindowPassed);
        Text = await db.Comments.Where(c => c.Id == id).Select(c => c.BodyMarkdown).FirstAsync(ct);
        return IsHtmx ? Partial("_EditForm", this) : Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? body, CancellationToken ct)
    {
        var (edited, refusal) = await writer.EditAsync(id, await ActorAsync(), body, ct);
        var item = await CommentItem.LoadAsync(db, id, User, options.CurrentValue.CloseAfterDays, Now, ct);
        if (item is null) return Refused(Refusal.Gone());
        Item = item;
        if (edited is not null) return IsHtmx ? Partial("_CommentSelf", item) : Redirect(item.Context.Article.AnchorOf(id));
        if (refusal!.Status != StatusCodes.Status422UnprocessableEntity) return RefusedInPlace(item, refusal);
        // Bad text: the form again, with what was typed and why it cannot go.
        Text = body ?? "";
        Error = refusal.Message;
        Response.StatusCode = refusal.Status;
        return IsHtmx ? Partial("_EditForm", this) : Page();
    }
}
