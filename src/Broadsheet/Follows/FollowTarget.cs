using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Follows;

/// <summary>Something a reader can follow, with the page it lives on.</summary>
public sealed record FollowTarget(FollowKind Kind, int Id, string Slug, string Name)
{
    public string Path => Kind switch
    {
        FollowKind.Author => $"/author/{Slug}",
        FollowKind.Category => $"/category/{Slug}",
        _ => $"/tag/{Slug}",
    };

    /// <summary>Exactly one kind's name, in any case; Enum.TryParse would also take "author,tag" (OR-ed into Tag) or "2".</summary>
    public static bool TryParseKind(string? raw, out FollowKind kind)
    {
        foreach (var candidate in Enum.GetValues<FollowKind>())
            if (string.Equals(raw, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        kind = default;
        return false;
    }

    public static async Task<FollowTarget?> FindAsync(BroadsheetDb db, FollowKind kind, string? slug, CancellationToken ct)
    {
        if (!Shared.Slug.IsValid(slug)) return null;
        return kind switch
        {
            FollowKind.Author => await db.Authors.Where(a => a.Slug == slug).Select(a => new FollowTarget(kind, a.Id, a.Slug, a.DisplayName)).FirstOrDefaultAsync(ct),
            FollowKind.Category => await db.Categories.Where(c => c.Slug == slug).Select(c => new FollowTarget(kind, c.Id, c.Slug, c.Name)).FirstOrDefaultAsync(ct),
            _ => await db.Tags.Where(t => t.Slug == slug).Select(t => new FollowTarget(kind, t.Id, t.Slug, t.Name)).FirstOrDefaultAsync(ct),
        };
    }
}
