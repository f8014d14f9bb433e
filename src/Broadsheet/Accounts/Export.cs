using Broadsheet.Follows;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>"Download my data": everything stored about the signed-in reader, as JSON.</summary>
public static class Export
{
    public static IEndpointRouteBuilder MapAccountExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/export", async (HttpContext http, UserManager<User> users, BroadsheetDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var user = await users.GetUserAsync(http.User);
            if (user is null) return Results.Challenge();
            http.Response.Headers.CacheControl = "no-store";
            var data = await BuildAsync(db, users, user, clock, ct);
            return Results.Json(data, statusCode: 200, contentType: "application/json; charset=utf-8")
                .WithDownloadName($"broadsheet-{user.Handle}-{clock.GetUtcNow():yyyy-MM-dd}.json", http);
        }).RequireAuthorization();
        return app;
    }

    public static async Task<object> BuildAsync(BroadsheetDb db, UserManager<User> users, User user, TimeProvider clock, CancellationToken ct)
    {
        var follows = await db.Follows.AsNoTracking().Where(f => f.UserId == user.Id).OrderBy(f => f.CreatedAt).ToListAsync(ct);
        // Plain id arrays: EF sends an int[] as one parameter, but cannot translate a filter
        // over an in-memory list of entities inside the query.
        int[] TargetsOf(Follows.FollowKind kind) => [.. follows.Where(f => f.Kind == kind).Select(f => f.TargetId)];
        var authorIds = TargetsOf(Follows.FollowKind.Author);
        var categoryIds = TargetsOf(Follows.FollowKind.Category);
        var tagIds = TargetsOf(Follows.FollowKind.Tag);
        var authors = await db.Authors.AsNoTracking().Where(a => authorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Slug, ct);
        var categories = await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Slug, ct);
        var tags = await db.Tags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Slug, ct);
        return new
        {
            exportedAt = clock.GetUtcNow().UtcDateTime,
            account = new
            {
                user.Email,
                user.EmailConfirmed,
                user.DisplayName,
                handle = user.Handle,
                user.JoinedAt,
                roles = await users.GetRolesAsync(user),
                hasPassword = await users.HasPasswordAsync(user),
            },
            following = follows.Select(f => new
            {
                kind = f.Kind.ToString().ToLowerInvariant(),
                slug = f.Kind switch
                {
                    Follows.FollowKind.Author => authors.GetValueOrDefault(f.TargetId),
                    Follows.FollowKind.Category => categories.GetValueOrDefault(f.TargetId),
                    _ => tags.GetValueOrDefault(f.TargetId),
                },
                since = f.CreatedAt,
            }),
        };
    }
}

internal static class DownloadResult
{
    /// <summary>Adds Content-Disposition so the browser saves the JSON instead of showing it.</summary>
    public static IResult WithDownloadName(this IResult result, string name, HttpContext http)
    {
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        return result;
    }
}
