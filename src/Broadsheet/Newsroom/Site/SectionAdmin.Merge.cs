using Broadsheet.Accounts;
using Broadsheet.Audit;
using Broadsheet.Articles;
using Broadsheet.Follows;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Broadsheet.Newsroom.Site;

public sealed partial class SectionAdmin
{
    /// <summary>
    /// Moves every story and follower of one section or tag to another, deletes the source and
    /// sends its addresses (301) to the target. A reader who followed both keeps one follow (the
    /// UNIQUE (UserId, Kind, TargetId) is never tested: duplicates are dropped, not moved).
    /// </summary>
    public async Task<SectionResult> MergeAsync(ClaimsPrincipal actor, SectionKind kind, int id, string? intoSlug, CancellationToken ct)
    {
        if (await FindAsync(kind, id, ct) is not { } source) return SectionResult.Missing;
        intoSlug = (intoSlug ?? "").Trim();
        var into = kind == SectionKind.Category
            ? await db.Categories.Where(c => c.Slug == intoSlug).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct)
            : await db.Tags.Where(t => t.Slug == intoSlug).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(ct);
        if (into is null) return SectionResult.Invalid($"There is no {Noun(kind)} with the slug \"{intoSlug}\" to merge into.");
        if (into.Id == id) return SectionResult.Invalid($"A {Noun(kind)} cannot be merged into itself.");

        using var gate = await db.WriteGateAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var stories = kind == SectionKind.Category
            ? await db.Articles.Where(a => a.CategoryId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CategoryId, into.Id), ct)
            : await MoveTagAsync(id, into.Id, ct);
        var follow = FollowKindOf(kind);
        var follows = await db.Follows
            .Where(f => f.Kind == follow && f.TargetId == id && !db.Set<Follow>().Any(g => g.UserId == f.UserId && g.Kind == follow && g.TargetId == into.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.TargetId, into.Id), ct);
        await db.Follows.Where(f => f.Kind == follow && f.TargetId == id).ExecuteDeleteAsync(ct);
        var gone = kind == SectionKind.Category
            ? await db.Categories.Where(c => c.Id == id).ExecuteDeleteAsync(ct)
            : await db.Tags.Where(t => t.Id == id).ExecuteDeleteAsync(ct);
        if (gone == 0) return SectionResult.Missing;
        await MoveAddressesAsync(kind, source.Slug, intoSlug, ct);
        audit.Add(actor, Audit(kind, "merge"), KindName(kind), id.ToString(),
            $"Merged \"{source.Name}\" ({SectionPaths.Prefix(kind)}{source.Slug}) into \"{into.Name}\" ({SectionPaths.Prefix(kind)}{intoSlug}): {stories} stories, {follows} follows moved.");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await ChangedAsync(ct);
        return SectionResult.Ok($"Merged \"{source.Name}\" into \"{into.Name}\": {stories} {(stories == 1 ? "story" : "stories")} moved; {SectionPaths.Prefix(kind)}{source.Slug} now redirects.");
    }

    /// <summary>
    /// Gives the target tag to every story that had the source, then takes the source away.
    /// Rows are inserted and deleted (not re-pointed) so the ArticleTags triggers keep the search index right.
    /// </summary>
    private async Task<int> MoveTagAsync(int from, int into, CancellationToken ct)
    {
        var stories = await db.Articles.CountAsync(a => a.Tags.Any(t => t.Id == from), ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ArticleTags" ("ArticleId", "TagId")
            SELECT x."ArticleId", {into} FROM "ArticleTags" x
            WHERE x."TagId" = {from} AND NOT EXISTS (SELECT 1 FROM "ArticleTags" y WHERE y."ArticleId" = x."ArticleId" AND y."TagId" = {into})
            """, ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"""DELETE FROM "ArticleTags" WHERE "TagId" = {from}""", ct);
        return stories;
    }

    /// <summary>Moves a section one place up or down in the navigation and on the home page; positions are renumbered 10, 20, 30...</summary>
    public async Task<SectionResult> MoveAsync(ClaimsPrincipal actor, int id, bool up, CancellationToken ct)
    {
        using var gate = await db.WriteGateAsync(ct);
        var all = await db.Categories.OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(ct);
        var index = all.FindIndex(c => c.Id == id);
        if (index < 0) return SectionResult.Missing;
        var to = up ? index - 1 : index + 1;
        if (to < 0 || to >= all.Count) return SectionResult.Ok($"\"{all[index].Name}\" is already {(up ? "first" : "last")}.");
        (all[index], all[to]) = (all[to], all[index]);
        for (var i = 0; i < all.Count; i++) all[i].Position = (i + 1) * 10;
        audit.Add(actor, "section.reorder", "category", id.ToString(), $"Moved \"{all[to].Name}\" {(up ? "up" : "down")} to place {to + 1}.");
        await db.SaveChangesAsync(ct);
        await ChangedAsync(ct);
        return SectionResult.Ok($"Moved \"{all[to].Name}\" to place {to + 1}.");
    }
}
