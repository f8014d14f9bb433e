using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Ranking;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Front;

/// <summary>A section's newest stories on the front page.</summary>
public sealed record CategorySection(Category Category, IReadOnlyList<ArticleCard> Cards);

/// <summary>
/// The front page: lead, latest, most viewed, the ranking boxes and a block per section. In its
/// own folder above Articles, Views and Ranking, because it shows all three (issue 18).
/// </summary>
[OutputCache(PolicyName = PageCache.Policy)]
[SharedPage]
public sealed class HomeModel(BroadsheetDb db, TimeProvider clock) : PageModel
{
    public const int LatestCount = 8;
    public const int PerSection = 4;
    public const int MostViewedCount = 5;

    public ArticleCard? Lead { get; private set; }
    public IReadOnlyList<ArticleCard> Latest { get; private set; } = [];
    public IReadOnlyList<CategorySection> Sections { get; private set; } = [];
    public IReadOnlyList<ArticleCard> MostViewed { get; private set; } = [];
    public IReadOnlyList<RankedBox> Rankings { get; private set; } = [];
    public const int PerRanking = 5;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var live = db.Articles.Live(now);

        var newest = await live.Newest().CardsAsync(0, LatestCount + 1, ct);
        Lead = newest.FirstOrDefault();
        Latest = newest.Skip(1).ToList();

        MostViewed = await db.MostViewedAsync(now, MostViewedCount, ct);
        Rankings = await Broadsheet.Ranking.Rankings.BoxesAsync(db, now, PerRanking, ct);

        var sections = new List<CategorySection>();
        foreach (var category in await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(ct))
        {
            var cards = await live.Where(a => a.CategoryId == category.Id).Newest().CardsAsync(0, PerSection, ct);
            if (cards.Count > 0) sections.Add(new CategorySection(category, cards));
        }
        Sections = sections;
        // Every card on the page is named in full by one more query, not one per list or card.
        await db.NameCoAuthorsAsync([.. newest, .. MostViewed, .. sections.SelectMany(s => s.Cards)], ct);
    }
}
