using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.Site;

public sealed record SectionRow(int Id, string Name, string Slug, int Position, int Stories);

/// <summary>
/// /newsroom/sections: admins create, rename, reorder, merge and delete sections and tags.
/// Editors make new tags as they write (the article editor); the structure of the site is an admin's.
/// </summary>
[Authorize(Policy = Policies.Admins)]
[NeverStored]
public sealed class SectionsModel(BroadsheetDb db, SectionAdmin admin) : PageModel
{
    public const int TagsPerPage = 50;

    public IReadOnlyList<SectionRow> Categories { get; private set; } = [];
    public IReadOnlyList<SectionRow> Tags { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int TagCount { get; private set; }
    public bool HasMore => PageNumber * TagsPerPage < TagCount;
    public string Query { get; private set; } = "";
    public string? Done { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, string? done, CancellationToken ct)
    {
        // "page" is Razor Pages' own route value (the page's path), so the number is read from the query.
        if (!Shared.Paging.TryParse(Request.Query["page"].FirstOrDefault(), out var number)) return BadRequest();
        Done = done is { Length: <= 300 } ? done : null;
        return await ShowAsync(q, number, ct);
    }

    public Task<IActionResult> OnPostCreateAsync(SectionKind kind, string? name, string? slug, CancellationToken ct) =>
        AnswerAsync(admin.CreateAsync(User, kind, name ?? "", slug, ct), ct);

    public Task<IActionResult> OnPostRenameAsync(SectionKind kind, int id, string? name, string? slug, CancellationToken ct) =>
        AnswerAsync(admin.RenameAsync(User, kind, id, name ?? "", slug, ct), ct);

    public Task<IActionResult> OnPostMergeAsync(SectionKind kind, int id, string? into, CancellationToken ct) =>
        AnswerAsync(admin.MergeAsync(User, kind, id, into, ct), ct);

    public Task<IActionResult> OnPostDeleteAsync(SectionKind kind, int id, CancellationToken ct) =>
        AnswerAsync(admin.DeleteAsync(User, kind, id, ct), ct);

    public Task<IActionResult> OnPostMoveAsync(int id, string? direction, CancellationToken ct) =>
        AnswerAsync(admin.MoveAsync(User, id, direction == "up", ct), ct);

    /// <summary>Done: back to the list (POST, redirect, GET). Refused: the list again with the reason, as 422 or 404.</summary>
    private async Task<IActionResult> AnswerAsync(Task<SectionResult> work, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RefuseAsync(SectionResult.Invalid("That request was not understood: use the forms on this page."), ct);
        var result = await work;
        if (result.Done) return RedirectToPage(new { done = result.Message });
        return await RefuseAsync(result, ct);
    }

    private async Task<IActionResult> RefuseAsync(SectionResult result, CancellationToken ct)
    {
        Problem = result.Message;
        await ShowAsync(null, 1, ct);
        var page = Page();
        page.StatusCode = result.Status;
        return page;
    }

    private async Task<IActionResult> ShowAsync(string? q, int page, CancellationToken ct)
    {
        Query = (q ?? "").Trim();
        if (Query.Length > 100) Query = Query[..100];
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name)
            .Select(c => new SectionRow(c.Id, c.Name, c.Slug, c.Position, db.Set<Article>().Count(a => a.CategoryId == c.Id && a.Status != ArticleStatus.Companion)))
            .ToListAsync(ct);
        var tags = db.Tags.AsNoTracking();
        if (Query.Length > 0)
        {
            var lower = Query.ToLowerInvariant();
            tags = tags.Where(t => t.Name.ToLower().Contains(lower) || t.Slug.Contains(lower));
        }
        TagCount = await tags.CountAsync(ct);
        PageNumber = page;
        Tags = await tags.OrderBy(t => t.Name).ThenBy(t => t.Id).Skip((page - 1) * TagsPerPage).Take(TagsPerPage)
            .Select(t => new SectionRow(t.Id, t.Name, t.Slug, 0, db.Set<Article>().Count(a => a.Tags.Any(x => x.Id == t.Id))))
            .ToListAsync(ct);
        return Page();
    }
}
