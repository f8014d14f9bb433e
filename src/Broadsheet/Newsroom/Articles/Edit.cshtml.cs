using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.Articles;

/// <summary>
/// /newsroom/articles/new and /newsroom/articles/{id}/edit: one plain form (works without
/// JavaScript) whose buttons are the workflow's actions. Only <see cref="ArticleInput"/> is bound.
/// Authors see only their own articles: anyone else's is a 404, as if it did not exist.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[NeverStored]
public sealed class EditModel(BroadsheetDb db, ArticleDesk desk, PreviewLinks links, SiteOrigin origin) : PageModel
{
    public const int PictureCount = 24;

    [BindProperty] public ArticleInput Input { get; set; } = new();

    /// <summary>Null while writing a new article.</summary>
    public Article? Article { get; private set; }
    public List<Category> Categories { get; private set; } = [];
    public List<Newsroom.MediaImage> Pictures { get; private set; } = [];
    public List<PreviewLink> Links { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? Notice { get; private set; }
    public string? NewLink { get; private set; }
    /// <summary>The form as readers would see it, shown beside it (Articles/_StoryPreview).</summary>
    public StoryView Preview { get; private set; } = null!;
    public string? PreviewProblem { get; private set; }
    public DateTime Now => desk.Now;

    public DeskRole Role { get; private set; }
    public ArticleStatus Status => Article?.Status ?? ArticleStatus.Draft;
    public bool Mine => Article is null || ArticleDesk.Owns(User, Article);
    /// <summary>Whether to offer the action's button; the server decides again on the POST.</summary>
    public bool May(WorkflowAction action) => ArticleWorkflow.Decide(Role, Mine, Status, action).Allowed
        && (Article is not null || action is WorkflowAction.Save or WorkflowAction.Submit or WorkflowAction.Publish or WorkflowAction.Schedule);
    public bool Autosaves => Status == ArticleStatus.Draft && May(WorkflowAction.Save);
    public string Here => Article is null ? "/newsroom/articles/new" : $"/newsroom/articles/{Article.Id}/edit";

    /// <summary>Every handler (and the page it shows) needs the user's workflow role; asked once, before the handler.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Role = await desk.RoleOfAsync(User);
        await next();
    }

    public async Task<IActionResult> OnGetAsync(int? id, string? done, CancellationToken ct)
    {
        if (id is int known && (Article = await desk.FindAsync(known, User, ct)) is null) return NotFound();
        Input = Article is null ? new ArticleInput() : ArticleInput.From(Article, Article.Tags.Select(t => t.Name).Order());
        Notice = Notices.GetValueOrDefault(done ?? "");
        return await ShowAsync(ct);
    }

    private static readonly Dictionary<string, string> Notices = new()
    {
        ["save"] = "Saved.",
        ["submit"] = "Submitted for review: an editor will take it from here.",
        ["withdraw"] = "Withdrawn from review: it is your draft again.",
        ["publish"] = "Published: readers can see it now.",
        ["schedule"] = "Scheduled: it goes live at the time given.",
        ["unpublish"] = "Unpublished: readers get a 404 at its address.",
        ["draft"] = "Reverted to a draft: readers no longer see it.",
        ["restore"] = "Revision restored as a new save.",
        ["link"] = "Preview link revoked.",
        ["picture"] = "Picture uploaded: it is this draft's picture now.",
    };

    public Task<IActionResult> OnPostAsync(int? id, CancellationToken ct) => ActAsync(id, WorkflowAction.Save, ct);
    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct) => ActAsync(id, WorkflowAction.Save, ct);
    public Task<IActionResult> OnPostSubmitAsync(int? id, CancellationToken ct) => ActAsync(id, WorkflowAction.Submit, ct);
    public Task<IActionResult> OnPostWithdrawAsync(int? id, CancellationToken ct) => ActAsync(id, WorkflowAction.Withdraw, ct);
    public Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken ct) => ActAsync(id, WorkflowAction.Publish, ct);
    public Task<IActionResult> OnPostScheduleAsync(int? id, CancellationToken ct) => ActAsync(id, WorkflowAction.Schedule, ct);
    public Task<IActionResult> OnPostUnpublishAsync(int? id, CancellationToken ct) => ActAsync(id, WorkflowAction.Unpublish, ct);
    public Task<IActionResult> OnPostRevertAsync(int? id, CancellationToken ct) => ActAsync(id, WorkflowAction.Revert, ct);
    /// <summary>
    /// "Upload a picture" on a draft: save what is in the form first (a new story becomes its draft,
    /// or the one autosave made), then upload for that draft, which brings the author back to it.
    /// </summary>
    public Task<IActionResult> OnPostUploadAsync(int? id, CancellationToken ct) => ActAsync(id, WorkflowAction.Save, ct, upload: true);

    private async Task<IActionResult> ActAsync(int? id, WorkflowAction action, CancellationToken ct, bool upload = false)
    {
        var known = id ?? Input.Id;
        if (known is int existing && (Article = await desk.FindAsync(existing, User, ct)) is null) return NotFound();
        var article = Article ?? new Article { Title = "", Slug = "" };
        var decision = ArticleWorkflow.Decide(Role, Mine, article.Status, action);
        if (!decision.Allowed) return await RefuseAsync(decision.Refusal, StatusCodes.Status403Forbidden, ct);
        if (Article is null && action is WorkflowAction.Withdraw or WorkflowAction.Unpublish or WorkflowAction.Revert)
            return await RefuseAsync("Save the article first.", StatusCodes.Status422UnprocessableEntity, ct);

        var oldSlug = Article?.Slug;
        var wasPublic = desk.WasPublic(article);
        Errors.AddRange(await desk.ApplyAsync(article, Input, User, ct));
        var at = ArticleInput.Utc(Input.ScheduleAt);
        if (action == WorkflowAction.Schedule && (at is null || at <= Now)) Errors.Add("Choose a time in the future to schedule the article.");
        if (Errors.Count > 0) return await RefuseAsync(null, StatusCodes.Status422UnprocessableEntity, ct);

        article.Status = decision.Status;
        switch (action)
        {
            case WorkflowAction.Submit: article.SubmittedAt = Now; break;
            case WorkflowAction.Withdraw: article.SubmittedAt = null; break;
            case WorkflowAction.Publish:
                if (article.PublishedAt is null || article.PublishedAt > Now) article.PublishedAt = Now;
                article.SubmittedAt = null;
                break;
            case WorkflowAction.Schedule:
                article.PublishedAt = at;
                article.SubmittedAt = null;
                break;
        }
        if (Article is null) desk.Add(article);
        var (audit, reason) = ArticleWorkflow.Record(action);
        if (!await desk.CommitAsync(article, User, reason, audit, oldSlug, wasPublic, ct))
        {
            Errors.Add($"The address /articles/{article.Slug} was just taken by another article. Choose another slug.");
            return await RefuseAsync(null, StatusCodes.Status422UnprocessableEntity, ct);
        }
        if (upload) return Redirect($"/newsroom/media?article={article.Id}");
        return Redirect($"/newsroom/articles/{article.Id}/edit?done={reason}");
    }

    /// <summary>
    /// The "Preview" button, for a browser without JavaScript: the same page with the form as typed
    /// and the story rendered beside it. Nothing is saved; htmx users get the same preview as they type.
    /// </summary>
    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken ct)
    {
        if ((id ?? Input.Id) is int existing && (Article = await desk.FindAsync(existing, User, ct)) is null) return NotFound();
        Notice = "The preview shows the form as it is now. Nothing is saved until you press Save.";
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateLinkAsync(int id, CancellationToken ct)
    {
        if ((Article = await desk.FindAsync(id, User, ct)) is null) return NotFound();
        if (!May(WorkflowAction.Save)) return await RefuseAsync("Only someone who may edit the article can share it.", StatusCodes.Status403Forbidden, ct);
        var token = await links.CreateAsync(id, User, ct);
        NewLink = origin.Absolute($"/preview/{token}");
        Input = ArticleInput.From(Article, Article.Tags.Select(t => t.Name).Order());
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRevokeLinkAsync(int id, int link, CancellationToken ct)
    {
        if ((Article = await desk.FindAsync(id, User, ct)) is null) return NotFound();
        if (!May(WorkflowAction.Save)) return await RefuseAsync("Only someone who may edit the article can revoke its links.", StatusCodes.Status403Forbidden, ct);
        if (!await links.RevokeAsync(id, link, ct)) return NotFound();
        return Redirect($"/newsroom/articles/{id}/edit?done=link");
    }

    private async Task<IActionResult> RefuseAsync(string? why, int status, CancellationToken ct)
    {
        if (why is not null) Errors.Add(why);
        var page = (PageResult)await ShowAsync(ct);
        page.StatusCode = status;
        return page;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(ct);
        Pictures = await db.MediaImages.AsNoTracking().OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id).Take(PictureCount).ToListAsync(ct);
        if (Article is not null) Links = await links.ListAsync(Article.Id, ct);
        PreviewProblem = EditorPreview.Problem(Input.Body);
        Preview = await EditorPreview.BuildAsync(Input, db, ct);
        return Page();
    }
}
