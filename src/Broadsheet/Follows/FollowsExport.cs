using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Follows;

/// <summary>The "following" part of "Download my data" (see <see cref="Export"/>): what the reader follows, by slug, oldest first.</summary>
internal sealed class FollowsExport(BroadsheetDb db) : IAccountExportPart
{
    public string Name => "following";

    public async Task<object> BuildAsync(int userId, CancellationToken ct)
    {
        var follows = await db.Follows.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.CreatedAt).ToListAsync(ct);
        // Plain id arrays: EF sends an int[] as one parameter, but cannot translate a filter
        // over an in-memory list of entities inside the query.
        int[] TargetsOf(FollowKind kind) => [.. follows.Where(f => f.Kind == kind).Select(f => f.TargetId)];
        var authorIds = TargetsOf(FollowKind.Author);
        var categoryIds = TargetsOf(FollowKind.Category);
        var tagIds = TargetsOf(FollowKind.Tag);
        var authors = await db.Authors.AsNoTracking().Where(a => authorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Slug, ct);
        var categories = await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Slug, ct);
        var tags = await db.Tags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Slug, ct);
        return follows.Select(f => new
        {
            kind = f.Kind.ToString().ToLowerInvariant(),
            slug = f.Kind switch
            {
                FollowKind.Author => authors.GetValueOrDefault(f.TargetId),
                FollowKind.Category => categories.GetValueOrDefault(f.TargetId),
                _ => tags.GetValueOrDefault(f.TargetId),
            },
            since = f.CreatedAt,
        }).ToList();
    }
}
