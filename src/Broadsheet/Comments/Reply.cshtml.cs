using Broadsheet.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Broadsheet.Comments;

/// <summary>
/// /comments/{id}/reply: the reply form. With htmx the "Reply" link drops just the form under the
/// comment and the posted reply takes its place; without JavaScript it is a page with the
/// comment and the form, and posting goes back to the thread at the new reply.
/// </summary>
[Authorize]
public sealed class ReplyModel(BroadsheetDb db, CommentPosting posting, FormStamp stamps, IOptionsMonitor<CommentOptions> options, TimeProvider clock)
    : CommentPageModel(clock)
{
    public CommentItem Parent { get; private set; } = null!;
    public CommentFormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return Refused(refusal);
        Form = new CommentFormView(Action(id), id, "", stamps.Issue(), ReplyTo: Parent.Node.Name);
        return IsHtmx ? Partial("_CommentForm", Form) : Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? body, string? website, string? started, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return Refused(refusal);
        var article = Parent.Context.Article;
        var outcome = await posting.PostAsync(HttpContext, article, await ActorAsync(), id, new CommentInput(body, website, started), ct);
        switch (outcome)
        {
            case PostOutcome.Posted { Comment: var reply }:
                return IsHtmx ? Partial("_PostedReply", Parent.Context.For(NewComment.Node(reply, User))) : Redirect(article.AnchorOf(reply.Id));
            case PostOutcome.Pretended:
                return IsHtmx ? Content("", "text/html") : Redirect(article.AnchorOf(id));
            default:
                var failed = outcome is PostOutcome.Limited { RetryAfter: var wait } ? TooMany(wait) : ((PostOutcome.Refused)outcome).Refusal;
                Form = new CommentFormView(Action(id), id, body ?? "", stamps.Renew(started), failed.Message, Parent.Node.Name);
                Response.StatusCode = failed.Status;
                return IsHtmx ? Partial("_CommentForm", Form) : Page();
        }
    }

    private static string Action(long id) => $"/comments/{id}/reply";

    private async Task<Refusal?> LoadAsync(long id, CancellationToken ct)
    {
        var parent = await CommentItem.LoadAsync(db, id, User, options.CurrentValue.CloseAfterDays, Now, ct);
        if (parent is null || parent.Node.Kind != NodeKind.Comment) return Refusal.Gone("The comment you want to reply to is not there any more.");
        Parent = parent;
        var c = parent.Context;
        if (!c.SignedIn) return Refusal.Forbidden("Sign in again to reply.");
        return c.Gate is { } gate ? Refusal.Forbidden(gate) : null;
    }
}
