using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Broadsheet.Data.Identity;

namespace Broadsheet.Comments;

/// <summary>
/// /articles/{slug}/comments (and /pages/{slug}/comments for a page that takes comments): the thread. The article page is cached for anonymous readers, so
/// it carries only a placeholder that htmx fills from here on load (HX-Request: just the
/// thread); without JavaScript the placeholder is a link to this same address as a full page.
/// A POST adds a top-level comment: redirect back to it, or with htmx a fresh form plus the
/// new comment at the top of the list. Anonymous readers' copy is cached like a page (a story
/// in a spike loads its thread once per view); signed-in readers' threads never are.
/// </summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class ThreadModel(BroadsheetDb db, CommentPosting posting, FormStamp stamps, IOptionsMonitor<CommentOptions> options, TimeProvider clock)
    : CommentPageModel(clock)
{
    public ThreadView Thread { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? slug, string? pageSlug, string? sort, CancellationToken ct)
    {
        var article = await FindAsync(slug, pageSlug, ct);
        if (article is null) return Missing(StoryGone);
        if (!CommentTree.TryParseSort(sort, out var order))
        {
            await LoadAsync(article, CommentSort.Best, null, ct);
            return Refused(new Refusal(StatusCodes.Status400BadRequest, "Comments can be sorted by best, newest or oldest."));
        }
        await LoadAsync(article, order, null, ct);
        return IsHtmx ? Partial("_Thread", Thread) : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, string? pageSlug, string? body, string? website, string? started, CancellationToken ct)
    {
        if (User.UserId() is null) return Challenge();
        var article = await FindAsync(slug, pageSlug, ct);
        if (article is null) return Missing(StoryGone);

        var outcome = await posting.PostAsync(HttpContext, article, await ActorAsync(), null, new CommentInput(body, website, started), ct);
        switch (outcome)
        {
            case PostOutcome.Posted { Comment: var comment }:
                if (!IsHtmx) return Redirect(article.AnchorOf(comment.Id));
                var context = await CommentContext.ForAsync(db, article, User, options.CurrentValue.CloseAfterDays, Now, ct);
                return Partial("_Posted", new PostedView(FreshForm(article), context.For(NewComment.Node(comment, User))));
            case PostOutcome.Pretended:
                return IsHtmx ? Partial("_CommentForm", FreshForm(article)) : Redirect(article.ThreadPath);
            default:
                var refusal = outcome is PostOutcome.Limited { RetryAfter: var wait } ? TooMany(wait) : ((PostOutcome.Refused)outcome).Refusal;
                var form = FreshForm(article) with { Text = body ?? "", Started = stamps.Renew(started), Error = refusal.Message };
                Response.StatusCode = refusal.Status;
                if (IsHtmx) return Partial("_CommentForm", form);
                await LoadAsync(article, CommentSort.Best, form, ct);
                return Page();
        }
    }

    private const string StoryGone = "This story is not available any more.";

    private CommentFormView FreshForm(ArticleRef article) => new(article.ThreadPath, null, "", stamps.Issue());

    // /articles/{slug}/comments names a story; /pages/{pageSlug}/comments a page's companion.
    private async Task<ArticleRef?> FindAsync(string? slug, string? pageSlug, CancellationToken ct) =>
        Companion.KeyOf(pageSlug ?? slug, pageSlug is not null) is { } key ? await ThreadQuery.LiveArticleAsync(db, key, Now, ct) : null;

    private async Task LoadAsync(ArticleRef article, CommentSort sort, CommentFormView? form, CancellationToken ct)
    {
        var context = await CommentContext.ForAsync(db, article, User, options.CurrentValue.CloseAfterDays, Now, ct);
        var rows = await ThreadQuery.RowsAsync(db, article.Id, context.ViewerId, ct);
        form ??= context.MayWrite ? FreshForm(article) : null;
        Thread = new ThreadView(context, sort, CommentTree.Build(rows, sort, context.ViewerId), form);
    }
}
