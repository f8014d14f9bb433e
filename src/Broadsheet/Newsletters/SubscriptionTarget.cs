using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Follows;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsletters;

/// <summary>What a subscription is about, with its name and the page that shows it.</summary>
public sealed record SubscriptionTarget(SubscriptionKind Kind, int Id, string Slug, string Name)
{
    public string Path => Kind switch
    {
        SubscriptionKind.Newsletter => $"/subscribe?newsletter={Slug}",
        SubscriptionKind.Author => $"/author/{Slug}",
        SubscriptionKind.Category => $"/category/{Slug}",
        _ => $"/tag/{Slug}",
    };

    /// <summary>"Morning briefing", "Science", "stories by Ada Park", "the tag climate".</summary>
    public string Described => Kind switch
    {
        SubscriptionKind.Newsletter => Name,
        SubscriptionKind.Author => $"stories by {Name}",
        SubscriptionKind.Category => $"the {Name} section",
        _ => $"the topic {Name}",
    };

    public static SubscriptionKind Of(FollowKind kind) => kind switch
    {
        FollowKind.Author => SubscriptionKind.Author,
        FollowKind.Category => SubscriptionKind.Category,
        _ => SubscriptionKind.Tag,
    };

    public static FollowKind? FollowKindOf(SubscriptionKind kind) => kind switch
    {
        SubscriptionKind.Author => FollowKind.Author,
        SubscriptionKind.Category => FollowKind.Category,
        SubscriptionKind.Tag => FollowKind.Tag,
        _ => null,
    };

    public static async Task<SubscriptionTarget?> FindAsync(BroadsheetDb db, SubscriptionKind kind, string? slug, CancellationToken ct)
    {
        if (!Shared.Slug.IsValid(slug)) return null;
        if (FollowKindOf(kind) is { } follow)
            return await FollowTarget.FindAsync(db, follow, slug, ct) is { } t ? new(kind, t.Id, t.Slug, t.Name) : null;
        return await db.Newsletters.AsNoTracking().Where(n => n.Slug == slug)
            .Select(n => new SubscriptionTarget(kind, n.Id, n.Slug, n.Name)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The targets of these rows, by (kind, id), in a query per kind present.</summary>
    public static async Task<Dictionary<(SubscriptionKind, int), SubscriptionTarget>> OfAsync(BroadsheetDb db,
        IEnumerable<(SubscriptionKind Kind, int Id)> keys, CancellationToken ct)
    {
        var all = keys.ToList();
        int[] Ids(SubscriptionKind k) => [.. all.Where(x => x.Kind == k).Select(x => x.Id).Distinct()];
        var (n, a, c, t) = (Ids(SubscriptionKind.Newsletter), Ids(SubscriptionKind.Author), Ids(SubscriptionKind.Category), Ids(SubscriptionKind.Tag));
        var found = new List<SubscriptionTarget>();
        if (n.Length > 0) found.AddRange(await db.Newsletters.AsNoTracking().Where(x => n.Contains(x.Id)).Select(x => new SubscriptionTarget(SubscriptionKind.Newsletter, x.Id, x.Slug, x.Name)).ToListAsync(ct));
        if (a.Length > 0) found.AddRange(await db.Authors.AsNoTracking().Where(x => a.Contains(x.Id)).Select(x => new SubscriptionTarget(SubscriptionKind.Author, x.Id, x.Slug, x.DisplayName)).ToListAsync(ct));
        if (c.Length > 0) found.AddRange(await db.Categories.AsNoTracking().Where(x => c.Contains(x.Id)).Select(x => new SubscriptionTarget(SubscriptionKind.Category, x.Id, x.Slug, x.Name)).ToListAsync(ct));
        if (t.Length > 0) found.AddRange(await db.Tags.AsNoTracking().Where(x => t.Contains(x.Id)).Select(x => new SubscriptionTarget(SubscriptionKind.Tag, x.Id, x.Slug, x.Name)).ToListAsync(ct));
        return found.ToDictionary(x => (x.Kind, x.Id));
    }

    public static bool TryParseKind(string? raw, out SubscriptionKind kind)
    {
        foreach (var candidate in Enum.GetValues<SubscriptionKind>())
            if (string.Equals(raw, candidate.ToString(), StringComparison.OrdinalIgnoreCase)) { kind = candidate; return true; }
        kind = default;
        return false;
    }

    public static bool TryParseFrequency(string? raw, out Frequency frequency)
    {
        foreach (var candidate in Enum.GetValues<Frequency>())
            if (string.Equals(raw, candidate.ToString(), StringComparison.OrdinalIgnoreCase)) { frequency = candidate; return true; }
        frequency = default;
        return false;
    }
}
