using Broadsheet.Audit;
using Broadsheet.Comments;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.People;

/// <summary>One audit line as shown: the entry, and where its target lives now (null when it is gone or has no page).</summary>
public sealed record AuditRow(AuditEntry Entry, string? TargetLink);

/// <summary>The audit filters from the query string: an action prefix ("comment.", "user.ban") and a target ("user" or "user:12").</summary>
public sealed record AuditFilter(string Action, string TargetKind, string TargetId)
{
    public const int FieldMax = 70;

    public static AuditFilter? TryParse(string? action, string? target)
    {
        action = (action ?? "").Trim();
        target = (target ?? "").Trim();
        if (action.Length > FieldMax || target.Length > FieldMax) return null;
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new(action, target, "") : new(action, target[..colon], target[(colon + 1)..]);
    }

    public string Target => TargetId.Length > 0 ? $"{TargetKind}:{TargetId}" : TargetKind;
}

/// <summary>The audit log, newest first, filtered and paged by offset (the log only grows, at a human pace).</summary>
public sealed class AuditQuery(BroadsheetDb db)
{
    public const int PageSize = 50;

    public async Task<(IReadOnlyList<AuditRow> Rows, bool More)> PageAsync(AuditFilter filter, int page, CancellationToken ct)
    {
        var entries = db.AuditLog.AsNoTracking();
        if (filter.Action.Length > 0) entries = entries.Where(e => e.Action.StartsWith(filter.Action));
        if (filter.TargetKind.Length > 0) entries = entries.Where(e => e.TargetKind == filter.TargetKind);
        if (filter.TargetId.Length > 0) entries = entries.Where(e => e.TargetId == filter.TargetId);
        var found = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        var shown = found.Take(PageSize).ToList();
        var links = await LinksAsync(shown, ct);
        return ([.. shown.Select(e => new AuditRow(e, links.GetValueOrDefault((e.TargetKind, e.TargetId))))], found.Count > PageSize);
    }

    /// <summary>Links only for targets that still exist, looked up once per kind for the whole page.</summary>
    private async Task<Dictionary<(string, string), string>> LinksAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        int[] Ints(string kind) => [.. entries.Where(e => e.TargetKind == kind).Select(e => int.TryParse(e.TargetId, out var i) ? i : 0).Where(i => i > 0).Distinct()];
        var articleIds = Ints("article");
        var userIds = Ints("user");
        long[] commentIds = [.. entries.Where(e => e.TargetKind == "comment").Select(e => long.TryParse(e.TargetId, out var i) ? i : 0).Where(i => i > 0).Distinct()];
        var links = new Dictionary<(string, string), string>();
        foreach (var id in await db.Articles.Where(a => articleIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct))
            links[("article", $"{id}")] = $"/newsroom/articles/{id}/edit";
        foreach (var id in await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct))
            links[("user", $"{id}")] = $"/newsroom/users/{id}";
        foreach (var id in await db.Comments.Where(c => commentIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct))
            links[("comment", $"{id}")] = $"/comments/{id}";
        return links;
    }
}
