using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Pages;

/// <summary>
/// /pages/{slug}: one published page, the same bytes for every reader, kept in the output cache
/// like an article and dropped with it whenever content changes (<see cref="PageDesk"/>).
/// </summary>
[OutputCache(PolicyName = PageCache.Policy)]
[SharedPage]
public sealed class ShowModel(BroadsheetDb db) : PageModel
{
    public Page Item { get; private set; } = null!;

    /// <summary>The hidden article holding the page's votes, views and comments (Articles/Companion); null when they are all off.</summary>
    public Article? Companion { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Slug.IsValid(slug)) return NotFound();
        var page = await db.Pages.AsNoTracking().Live().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (page is null) return NotFound();
        Item = page;
        if (page.AllowComments || page.AllowVotes || page.CountViews)
        {
            var key = Articles.Companion.SlugFor(page.Slug);
            Companion = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Status == ArticleStatus.Companion && a.Slug == key, ct);
        }
        return Page();
    }
}
