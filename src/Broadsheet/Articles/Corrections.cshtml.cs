using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

/// <summary>One line of /corrections: the note and the live story it belongs to.</summary>
public sealed record CorrectionLine(int Id, CorrectionKind Kind, string Text, DateTime PublishedAt, DateTime? AmendedAt, string Title, string Slug)
{
    public string KindLabel => Kind == CorrectionKind.Correction ? "Correction" : "Clarification";
}

/// <summary>
/// /corrections: every correction and clarification on a live story, newest first, paged like the
/// other lists (400 for a malformed page, 404 past the end). A story taken down takes its notes with it.
/// </summary>
[OutputCache(PolicyName = PageCache.Policy)]
[SharedPage]
public sealed class CorrectionsModel(BroadsheetDb db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    public List<CorrectionLine> Lines { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var raw = Request.Query.TryGetValue("page", out var values) ? values : default;
        if (raw.Count > 1 || !Paging.TryParse(raw.Count == 1 ? raw[0] ?? "" : null, out var number)) return BadRequest();
        PageNumber = number;
        var rows = await db.LiveCorrections(clock.GetUtcNow().UtcDateTime)
            .Skip((number - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        if (rows.Count == 0 && number > 1) return NotFound();
        HasMore = rows.Count > PageSize;
        Lines = [.. rows.Take(PageSize)];
        return Page();
    }
}

public static class CorrectionQueries
{
    /// <summary>Notes on live stories, newest first (ties by id, so paging is stable).</summary>
    public static IQueryable<CorrectionLine> LiveCorrections(this BroadsheetDb db, DateTime nowUtc)
    {
        var live = db.Articles.AsQueryable().Live(nowUtc);
        return db.Corrections.AsNoTracking()
            .Where(c => live.Any(a => a.Id == c.ArticleId))
            .OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
            .Select(c => new CorrectionLine(c.Id, c.Kind, c.Text, c.PublishedAt, c.AmendedAt, c.Article.Title, c.Article.Slug));
    }
}
