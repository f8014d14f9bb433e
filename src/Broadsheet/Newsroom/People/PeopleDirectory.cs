using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.People;

/// <summary>Finding accounts: one by id, or a page of a search by name, handle or email.</summary>
public sealed class PeopleDirectory(BroadsheetDb db)
{
    public const int PageSize = 25;
    public const int QueryMax = 100;

    public async Task<Person?> FindAsync(int id, CancellationToken ct) =>
        (await ShapeAsync(db.Users.AsNoTracking().Where(u => u.Id == id), 0, 1, ct)).FirstOrDefault();

    /// <summary>A page of matches, newest accounts first, and whether another page follows.</summary>
    public async Task<(IReadOnlyList<Person> People, bool More)> SearchAsync(string? query, int page, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        var q = (query ?? "").Trim();
        if (q.Length > 0)
        {
            // Upper-cased on both sides so the match ignores case on SQLite and PostgreSQL alike.
            var upper = q.ToUpperInvariant();
            users = users.Where(u => u.DisplayName.ToUpper().Contains(upper) || u.NormalizedUserName!.Contains(upper) || u.NormalizedEmail!.Contains(upper));
        }
        var rows = await ShapeAsync(users.OrderByDescending(u => u.JoinedAt).ThenByDescending(u => u.Id), (page - 1) * PageSize, PageSize + 1, ct);
        return (rows.Take(PageSize).ToList(), rows.Count > PageSize);
    }

    private async Task<List<Person>> ShapeAsync(IQueryable<Data.Identity.User> users, int skip, int take, CancellationToken ct)
    {
        var rows = await users.Skip(skip).Take(take)
            .Select(u => new { u.Id, u.DisplayName, u.UserName, u.Email, u.JoinedAt, u.LockoutEnd, u.BannedUntil, u.BanReason })
            .ToListAsync(ct);
        int[] ids = [.. rows.Select(r => r.Id)];
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(ct)).ToLookup(x => x.UserId, x => x.Name!);
        return [.. rows.Select(r => new Person(r.Id, r.DisplayName, r.UserName ?? "", r.Email ?? "", r.JoinedAt, PeopleRules.Rank(roles[r.Id]),
            r.LockoutEnd, r.BannedUntil, r.BanReason))];
    }
}
