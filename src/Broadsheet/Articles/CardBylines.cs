using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

/// <summary>
/// Cards name every author (issue 24). The card query itself stays the one each list tuned (its
/// plan walks one index and stops); the further names of all the page's cards then come in one
/// query by the bylines' primary key (ArticleId, Position), whatever the number of cards, never
/// one per card.
/// </summary>
public static class CardBylines
{
    public static async Task NameCoAuthorsAsync(this BroadsheetDb db, IEnumerable<ArticleCard> cards, CancellationToken ct = default)
    {
        var byId = cards.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.ToList());
        if (byId.Count == 0) return;
        var ids = byId.Keys.ToList();
        var rows = await db.ArticleBylines.AsNoTracking().Where(b => ids.Contains(b.ArticleId))
            .OrderBy(b => b.ArticleId).ThenBy(b => b.Position)
            .Select(b => new { b.ArticleId, Name = b.Author != null ? b.Author.DisplayName : b.GuestName, Slug = b.Author != null ? b.Author.Slug : null, b.GuestUrl })
            .ToListAsync(ct);
        foreach (var story in rows.GroupBy(r => r.ArticleId))
        {
            IReadOnlyList<CardName> names = [.. story.Select(r => new CardName(r.Name, r.Slug, r.Slug is null ? r.GuestUrl : null))];
            foreach (var card in byId[story.Key]) card.CoAuthors = names;
        }
    }

    /// <summary>The cards, once their further names are in (for a list loaded in one go).</summary>
    public static async Task<List<ArticleCard>> WithCoAuthorsAsync(this Task<List<ArticleCard>> loading, BroadsheetDb db, CancellationToken ct = default)
    {
        var cards = await loading;
        await db.NameCoAuthorsAsync(cards, ct);
        return cards;
    }
}
