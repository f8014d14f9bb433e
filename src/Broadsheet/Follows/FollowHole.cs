using Broadsheet.Accounts;
using Broadsheet.Caching;
using Broadsheet.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace Broadsheet.Follows;

/// <summary>
/// A Follow button as a page hole. Args: kind (author, category or tag), id, slug, name, the
/// page to come back to. The shared render counts the followers (once per cache fill) and keeps
/// the count beside the hole, so a reader's button shows the same count as everybody's; the
/// page is tagged with the target, so a follow or unfollow evicts it.
/// </summary>
public sealed class FollowHole(BroadsheetDb db) : IPageHole
{
    public const string Name = "follow";

    public string Kind => Name;

    /// <summary>The output-cache tag of every cached page showing this target's follower count.</summary>
    public static string TagFor(FollowKind kind, int id) => $"follow:{kind}:{id}";

    public static string[] Args(FollowKind kind, int id, string slug, string name, string returnPath) =>
        [kind.ToString().ToLowerInvariant(), id.ToString(CultureInfo.InvariantCulture), slug, name, returnPath];

    /// <summary>
    /// Compiled once: every cache miss of a page with Follow buttons counts each target's followers,
    /// and a LINQ query's per-call translation (expression funcletizing, the query cache lookup)
    /// cost more than the indexed count itself (docs/benchmarks.md, "What an article miss spends").
    /// </summary>
    private static readonly Func<BroadsheetDb, FollowKind, int, CancellationToken, Task<int>> CountFollowers =
        EF.CompileAsyncQuery((BroadsheetDb db, FollowKind kind, int id, CancellationToken ct) =>
            db.Set<Follow>().Count(f => f.Kind == kind && f.TargetId == id));

    public async Task<SharedHole> RenderSharedAsync(IHtmlHelper html, IReadOnlyList<string> args, CancellationToken ct)
    {
        var target = Target(args);
        var followers = await CountFollowers(db, target.Kind, target.Id, ct);
        // The count is part of the shared copy: a follow or unfollow evicts the pages showing it (FollowActionModel).
        html.ViewContext.HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(TagFor(target.Kind, target.Id));
        var button = new FollowButton(target, null, followers, args[4]);
        return new(new HtmlString(FollowButtonHtml.Write(button, html.ViewContext.HttpContext)), [followers.ToString(CultureInfo.InvariantCulture)]);
    }

    /// <summary>One read on the (reader, kind, target) unique index for every button on the page: what they follow among these (n0 target, t kind).</summary>
    public HoleRead? Read(HttpContext http, IReadOnlyList<HoleCall> holes)
    {
        if (http.User.UserId() is not int userId) return null;
        var ids = holes.Select(h => Target(h.Args).Id).Distinct().ToArray();
        var list = string.Join(", ", ids.Select((_, i) => "{" + (i + 1).ToString(CultureInfo.InvariantCulture) + "}"));
        return new HoleRead(
            $$"""SELECT f."TargetId" AS n0, 0 AS n1, 0 AS n2, 0 AS n3, 0 AS n4, f."Kind" AS t FROM "Follows" f WHERE f."UserId" = {0} AND f."TargetId" IN ({{list}})""",
            [userId, .. ids.Cast<object>()]);
    }

    public Task<IReadOnlyList<string>> FillAsync(HttpContext http, IReadOnlyList<HoleCall> holes, IReadOnlyList<HoleRow> rows)
    {
        // Kind is stored by name (Follow's configuration converts the enum to a string).
        var mine = rows.Where(r => Enum.TryParse<FollowKind>(r.Text, out _)).Select(r => (Enum.Parse<FollowKind>(r.Text!), (int)r.N0)).ToHashSet();
        var fills = new List<string>(holes.Count);
        for (var i = 0; i < holes.Count; i++)
        {
            var t = Target(holes[i].Args);
            var followers = holes[i].State.Count > 0 && int.TryParse(holes[i].State[0], CultureInfo.InvariantCulture, out var n) ? n : 0;
            var button = new FollowButton(t, mine.Contains((t.Kind, t.Id)), followers, holes[i].Args[4]);
            fills.Add(FollowButtonHtml.Write(button, http));
        }
        return Task.FromResult<IReadOnlyList<string>>(fills);
    }

    private static FollowTarget Target(IReadOnlyList<string> args) =>
        FollowTarget.TryParseKind(args[0], out var kind)
            ? new FollowTarget(kind, int.Parse(args[1], CultureInfo.InvariantCulture), args[2], args[3])
            : throw new FormatException($"Not a follow kind: {args[0]}");
}
