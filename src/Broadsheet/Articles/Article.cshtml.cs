using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Articles;

/// <summary>
/// One story, the same bytes for every reader: their vote and follows are holes, filled on the
/// way out for a signed-in reader (<see cref="SharedPageAttribute"/>).
/// </summary>
[OutputCache(PolicyName = PageCache.Policy)]
[SharedPage]
public sealed class ArticleModel(BroadsheetDb db, TimeProvider clock, IEnumerable<IStoryAdditions> additions) : PageModel
{
    public const int RelatedCount = 4;

    public Article Article { get; private set; } = null!;
    public IReadOnlyList<ArticleCard> Related { get; private set; } = [];
    /// <summary>What other features add to this story (live coverage), rendered into the same cached page.</summary>
    public List<StoryAddition> Additions { get; } = [];
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Slug.IsValid(slug)) return NotFound();
        var article = await db.LiveBySlugAsync(slug, Now, ct);
        if (article is null) return NotFound();
        Article = article;
        Related = await db.RelatedAsync(article, Now, RelatedCount, ct).WithCoAuthorsAsync(db, ct);
        foreach (var source in additions)
            if (await source.FindAsync(article, ct) is { } addition)
            {
                Additions.Add(addition);
                ViewData[StoryAddition.ViewDataKey] = addition.Model;
            }
        return Page();
    }
}
