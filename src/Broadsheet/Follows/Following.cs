using Broadsheet.Accounts;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Broadsheet.Follows;

/// <summary>State of one Follow button: signed out (null), following or not, and the follower count.</summary>
public sealed record FollowButton(FollowTarget Target, bool? Following, int Followers, string ReturnPath)
{
    public string Then => $"follow:{Target.Kind.ToString().ToLowerInvariant()}:{Target.Slug}";
}

/// <summary>Following and unfollowing, and reading who follows what.</summary>
public static class Following
{
    public static async Task<FollowButton> ButtonAsync(BroadsheetDb db, ClaimsPrincipal user, FollowTarget target, string returnPath, CancellationToken ct)
    {
        var followers = await db.Follows.CountAsync(f => f.Kind == target.Kind && f.TargetId == target.Id, ct);
        bool? following = user.UserId() is int id
            ? await db.Follows.AnyAsync(f => f.UserId == id && f.Kind == target.Kind && f.TargetId == target.Id, ct)
            : null;
        return new FollowButton(target, following, followers, returnPath);
    }

    /// <summary>Follows or unfollows through the instance's <see cref="FollowWriter"/>; returns once committed. Repeating either is harmless.</summary>
    public static Task SetAsync(FollowWriter writer, int userId, FollowTarget target, bool follow, DateTime now, CancellationToken ct) =>
        writer.SubmitAsync(new FollowRequest(userId, target.Kind, target.Id, follow, now), ct);

    /// <summary>Parses "follow:author:slug", the action a signed-out reader started before signing in.</summary>
    public static bool TryParseThen(string? then, out FollowKind kind, out string slug)
    {
        kind = default;
        slug = "";
        var parts = (then ?? "").Split(':');
        if (parts.Length != 3 || parts[0] != "follow" || !FollowTarget.TryParseKind(parts[1], out kind) || !Shared.Slug.IsValid(parts[2])) return false;
        slug = parts[2];
        return true;
    }
}
