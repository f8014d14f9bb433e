using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Globalization;

namespace Broadsheet.Votes;

/// <summary>
/// The "N Views · N Votes: …" line and the vote buttons (<see cref="VoteWidgetHtml"/>). On
/// the shared article page it is a hole: the counts as of the page's render, with sign-in links;
/// a signed-in reader gets the same counts with their own vote pressed and a real form. The
/// widget is also served fresh at <see cref="PathFor"/> (one primary-key read, never cached) and
/// answers an htmx vote.
/// </summary>
/// <remarks>Views below zero: not counted (a static page that takes votes but counts no views), so not shown.</remarks>
public sealed record VoteWidget(string Slug, long Views, int Upvotes, int Downvotes, VoteControls Controls)
{
    public static string PathFor(string slug) => $"/articles/{slug}/counters";

    /// <summary>The story's address, or the page's for a page companion: the form posts to {this}/vote.</summary>
    public string ArticlePath => Companion.ReaderPath(Slug);

    public string SignInFor(string direction) =>
        $"/account/sign-in?returnUrl={Uri.EscapeDataString(ArticlePath)}&then={Uri.EscapeDataString($"vote:{Slug}:{direction}")}";
}

/// <summary>Whose buttons these are: a signed-in reader's (their vote and a form token) or nobody's (sign-in links).</summary>
public sealed record VoteControls(VoteState Mine, string? TokenField, string? Token)
{
    public static readonly VoteControls SignedOut = new(VoteState.None, null, null);

    public static VoteControls For(HttpContext http, VoteState mine)
    {
        if (http.User.UserId() is null) return SignedOut;
        var (field, token) = http.RequestServices.GetRequiredService<FormTokens>().For(http);
        return new VoteControls(mine, field, token);
    }

    /// <summary>
    /// The form token the reader just posted, handed back in the widget that answers their vote:
    /// the antiforgery middleware has just validated it for this reader and their cookie, so it is
    /// as good as a new one and costs no encryption. A token sent as a header instead gets a new one.
    /// </summary>
    public static VoteControls Echo(HttpContext http, IFormCollection form, VoteState mine)
    {
        var field = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.FormFieldName;
        return form[field] is [{ Length: > 0 } token] ? new VoteControls(mine, field, token) : For(http, mine);
    }
}

/// <summary>The vote widget as a page hole. Args: article id, slug, views, upvotes, downvotes.</summary>
public sealed class VoteHole : IPageHole
{
    public const string Name = "vote";

    public string Kind => Name;

    public static string[] Args(int articleId, string slug, long views, int up, int down) =>
        [$"{articleId}", slug, $"{views}", $"{up}", $"{down}"];

    public Task<SharedHole> RenderSharedAsync(IHtmlHelper html, IReadOnlyList<string> args, CancellationToken ct) =>
        Task.FromResult(new SharedHole(new HtmlString(VoteWidgetHtml.Write(Widget(args, VoteControls.SignedOut))), []));

    /// <summary>
    /// By primary keys, whatever the number of widgets: the counts as they are now (so a reader
    /// who has just voted sees their vote counted, without evicting the page for everybody) and
    /// the reader's own vote (n0 id, n1 views, n2 up, n3 down, n4 theirs).
    /// </summary>
    public HoleRead? Read(HttpContext http, IReadOnlyList<HoleCall> holes)
    {
        if (http.User.UserId() is not int userId) return null;
        var ids = holes.Select(h => Id(h.Args)).Distinct().ToArray();
        var list = string.Join(", ", ids.Select((_, i) => "{" + (i + 1).ToString(CultureInfo.InvariantCulture) + "}"));
        return new HoleRead(
            $$"""SELECT a."Id" AS n0, a."ViewCount" AS n1, a."Upvotes" AS n2, a."Downvotes" AS n3, COALESCE((SELECT v."Value" FROM "ArticleVotes" v WHERE v."ArticleId" = a."Id" AND v."UserId" = {0}), 0) AS n4, NULL AS t FROM "Articles" a WHERE a."Id" IN ({{list}})""",
            [userId, .. ids.Cast<object>()]);
    }

    public Task<IReadOnlyList<string>> FillAsync(HttpContext http, IReadOnlyList<HoleCall> holes, IReadOnlyList<HoleRow> rows)
    {
        var byId = rows.ToDictionary(r => r.N0);
        var fills = new List<string>(holes.Count);
        foreach (var hole in holes)
        {
            var widget = Widget(hole.Args, VoteControls.SignedOut);
            if (byId.TryGetValue(Id(hole.Args), out var row))
                widget = widget with { Views = widget.Views < 0 ? widget.Views : row.N1, Upvotes = (int)row.N2, Downvotes = (int)row.N3, Controls = VoteControls.For(http, (VoteState)row.N4) };
            fills.Add(VoteWidgetHtml.Write(widget));
        }
        return Task.FromResult<IReadOnlyList<string>>(fills);
    }

    private static int Id(IReadOnlyList<string> args) => int.Parse(args[0], CultureInfo.InvariantCulture);

    private static VoteWidget Widget(IReadOnlyList<string> a, VoteControls controls) =>
        new(a[1], long.Parse(a[2], CultureInfo.InvariantCulture),
            int.Parse(a[3], CultureInfo.InvariantCulture), int.Parse(a[4], CultureInfo.InvariantCulture), controls);
}

/// <summary>The live widget for one reader, never cached: for htmx after a vote, and for callers that want fresh counts.</summary>
public static class VoteFragments
{
    public static IEndpointRouteBuilder MapVoteFragments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/articles/{slug}/counters", FreshAsync).WithTags("Articles");
        return app;
    }

    private static async Task<Results<ContentHttpResult, NotFound>> FreshAsync(
        string slug, BroadsheetDb db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!Slug.IsValid(slug)) return TypedResults.NotFound();
        var html = await WidgetAsync(db, clock, http, slug, ct);
        return html is null ? TypedResults.NotFound() : TypedResults.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>The live widget for this reader, or null when the article is not live (or its page takes no votes).</summary>
    public static async Task<string?> WidgetAsync(BroadsheetDb db, TimeProvider clock, HttpContext http, string slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Articles.AsNoTracking().Votable(now).Where(a => a.Slug == slug)
            .Select(a => new { a.Id, a.ViewCount, a.Upvotes, a.Downvotes })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var mine = await VoteService.StateAsync(db, http.User.UserId(), row.Id, ct);
        var controls = VoteControls.For(http, mine);
        // A form token already made the answer "no-cache, no-store" (antiforgery warns when it has to
        // override a header we set first); a signed-out answer says no-store itself.
        if (controls.Token is null) http.Response.Headers.CacheControl = "no-store";
        // A page's companion that has counted nothing is a page that counts no views: its line shows votes alone, as on the page.
        var views = Companion.Is(slug) && row.ViewCount == 0 ? -1 : row.ViewCount;
        return VoteWidgetHtml.Write(new VoteWidget(slug, views, row.Upvotes, row.Downvotes, controls));
    }
}
