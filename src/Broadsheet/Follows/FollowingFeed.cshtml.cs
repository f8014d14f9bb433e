using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Follows;

/// <summary>/following: the newest live stories from every author, section and topic the reader follows.</summary>
[Authorize]
[NeverStored]
public sealed class FollowingFeedModel(BroadsheetDb db, TimeProvider clock) : ListPageModel(db, clock)
{
    public override string Heading => "Following";
    public IReadOnlyList<FollowTarget> Followed { get; private set; } = [];
    public IReadOnlyList<FollowTarget> Suggestions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId()!.Value;
        var follows = await Db.Follows.AsNoTracking().Where(f => f.UserId == userId).ToListAsync(ct);
        var authors = follows.Where(f => f.Kind == FollowKind.Author).Select(f => f.TargetId).ToList();
        var categories = follows.Where(f => f.Kind == FollowKind.Category).Select(f => f.TargetId).ToList();
        var tags = follows.Where(f => f.Kind == FollowKind.Tag).Select(f => f.TargetId).ToList();

        if (!Request.Headers.ContainsKey("HX-Request"))
        {
            Followed = [
                .. await Db.Authors.Where(a => authors.Contains(a.Id)).OrderBy(a => a.DisplayName).Select(a => new FollowTarget(FollowKind.Author, a.Id, a.Slug, a.DisplayName)).ToListAsync(ct),
                .. await Db.Categories.Where(c => categories.Contains(c.Id)).OrderBy(c => c.Position).Select(c => new FollowTarget(FollowKind.Category, c.Id, c.Slug, c.Name)).ToListAsync(ct),
                .. await Db.Tags.Where(t => tags.Contains(t.Id)).OrderBy(t => t.Name).Select(t => new FollowTarget(FollowKind.Tag, t.Id, t.Slug, t.Name)).ToListAsync(ct),
            ];
            if (follows.Count == 0)
                Suggestions = await Db.Categories.OrderBy(c => c.Position).Select(c => new FollowTarget(FollowKind.Category, c.Id, c.Slug, c.Name)).ToListAsync(ct);
        }

        // Co-written stories by id IN (...), as ArticleQueries.ByAuthor explains.
        var coWritten = Db.ArticleBylines.Where(b => b.AuthorId != null && authors.Contains(b.AuthorId.Value)).Select(b => b.ArticleId);
        return await ListAsync("/following", live => live.Where(a => authors.Contains(a.AuthorId) || coWritten.Contains(a.Id)
            || categories.Contains(a.CategoryId) || a.Tags.Any(t => tags.Contains(t.Id))), ct);
    }
}
