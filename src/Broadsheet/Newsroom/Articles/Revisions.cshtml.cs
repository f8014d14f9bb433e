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

public sealed record RevisionComparison(ArticleRevision From, ArticleRevision To,
    IReadOnlyList<(string Part, IReadOnlyList<DiffLine> Lines)> Text, List<(string Field, string From, string To)> Fields);

/// <summary>
/// /newsroom/articles/{id}/revisions: who saved what, when and why; any two compared
/// (?from=&amp;to=); a revision restored as a new save. Same access as the editor.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[NeverStored]
public sealed class RevisionsModel(BroadsheetDb db, ArticleDesk desk) : PageModel
{
    public Article Article { get; private set; } = null!;
    public List<ArticleRevision> Revisions { get; private set; } = [];
    public RevisionComparison? Comparison { get; private set; }
    public List<string> Errors { get; } = [];
    public DeskRole Role { get; private set; }
    public bool MayRestore => ArticleWorkflow.Decide(Role, ArticleDesk.Owns(User, Article), Article.Status, WorkflowAction.Save).Allowed;

    /// <summary>Both handlers and the page need the user's workflow role; asked once, before the handler.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Role = await desk.RoleOfAsync(User);
        await next();
    }

    public async Task<IActionResult> OnGetAsync(int id, long? from, long? to, CancellationToken ct)
    {
        if ((Article = (await desk.FindAsync(id, User, ct))!) is null) return NotFound();
        await LoadAsync(ct);
        if (from is null && to is null) return Page();
        var a = Revisions.FirstOrDefault(r => r.Id == from);
        var b = Revisions.FirstOrDefault(r => r.Id == to);
        if (a is null || b is null) return NotFound();
        var names = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        Comparison = new RevisionComparison(a, b,
            [("Title", LineDiff.Compare(a.Title, b.Title)), ("Slug", LineDiff.Compare(a.Slug, b.Slug)),
             ("Standfirst", LineDiff.Compare(a.Standfirst, b.Standfirst)), ("Body", LineDiff.Compare(a.BodyMarkdown, b.BodyMarkdown))],
            RevisionFields.Changes(RevisionFields.Parse(a.Fields), RevisionFields.Parse(b.Fields), c => names.GetValueOrDefault(c, "a deleted section")));
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, long revision, CancellationToken ct)
    {
        if ((Article = (await desk.FindAsync(id, User, ct))!) is null) return NotFound();
        var saved = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revision && r.ArticleId == id, ct);
        if (saved is null) return NotFound();
        var decision = ArticleWorkflow.Decide(Role, ArticleDesk.Owns(User, Article), Article.Status, WorkflowAction.Save);
        if (!decision.Allowed) return await ShowAsync(decision.Refusal, StatusCodes.Status403Forbidden, ct);
        var oldSlug = Article.Slug;
        var wasPublic = desk.WasPublic(Article);
        var errors = await desk.RestoreAsync(Article, saved, User, ct);
        if (errors.Count > 0) return await ShowAsync(string.Join(" ", errors), StatusCodes.Status422UnprocessableEntity, ct);
        if (!await desk.CommitAsync(Article, User, "restore", "", oldSlug, wasPublic, ct))
            return await ShowAsync("That revision's slug now belongs to another article.", StatusCodes.Status422UnprocessableEntity, ct);
        return Redirect($"/newsroom/articles/{id}/edit?done=restore");
    }

    private async Task<IActionResult> ShowAsync(string problem, int status, CancellationToken ct)
    {
        Errors.Add(problem);
        await LoadAsync(ct);
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Revisions = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == Article.Id)
            .OrderByDescending(r => r.SavedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
}
