using Broadsheet.Accounts;
using Broadsheet.Data;
using Broadsheet.Shared;
using Broadsheet.Views;
using Broadsheet.Votes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Text.Encodings.Web;

namespace Broadsheet.Articles;

/// <summary>
/// The "N Views · N Votes: …" line and the vote buttons. On the cached article page the line is
/// at most a page lifetime (1 s) old and the buttons are the signed-out ones (links to sign-in);
/// a signed-in reader's page is never cached and carries their own vote. The same widget is
/// served fresh at <see cref="PathFor"/> (one primary-key read, never cached) and answers a vote.
/// </summary>
public sealed record ArticleCounters(long Views, int Upvotes, int Downvotes)
{
    public static ArticleCounters Of(Article a) => new(a.ViewCount, a.Upvotes, a.Downvotes);

    public static string PathFor(string slug) => $"/articles/{slug}/counters";

    /// <summary>The widget's markup, shared by the page, the fragment and the vote answer so they cannot drift apart.</summary>
    public string ToHtml(string slug, VoteControls controls)
    {
        var e = HtmlEncoder.Default;
        var article = $"/articles/{slug}";
        var counts = $"""<p class="counts"><span class="views">{e.Encode(ViewCount.Label(Views))}</span> <span aria-hidden="true">·</span> <span class="votes">{e.Encode(VoteTally.Line(Upvotes, Downvotes))}</span></p>""";
        string buttons;
        if (controls.Token is null)
        {
            string Link(string direction, string css, string label) =>
                $"""<a class="button vote {css}" data-account-dialog href="/account/sign-in?returnUrl={Uri.EscapeDataString(article)}&amp;then={Uri.EscapeDataString($"vote:{slug}:{direction}")}">{label}</a>""";
            buttons = $"""<p class="vote">{Link("up", "vote-up", "▲ Upvote")} {Link("down", "vote-down", "▼ Downvote")}</p>""";
        }
        else
        {
            string Button(VoteDirection d, string css, string label)
            {
                var pressed = controls.Mine == (d == VoteDirection.Up ? VoteState.Up : VoteState.Down);
                return $"""<button type="submit" name="direction" value="{VoteChange.ButtonValue(controls.Mine, d)}" class="vote {css}" aria-pressed="{(pressed ? "true" : "false")}">{label}</button>""";
            }
            var action = e.Encode($"{article}/vote");
            buttons = $"""<form class="vote" method="post" action="{action}" hx-post="{action}" hx-target="closest .counters" hx-swap="outerHTML"><input type="hidden" name="{e.Encode(controls.TokenField!)}" value="{e.Encode(controls.Token)}">{Button(VoteDirection.Up, "vote-up", "▲ Upvote")} {Button(VoteDirection.Down, "vote-down", "▼ Downvote")}</form>""";
        }
        return $"""<div class="counters" id="votes">{counts}{buttons}</div>""";
    }
}

/// <summary>Whose buttons these are: a signed-in reader's (their vote and a form token) or nobody's (sign-in links).</summary>
public sealed record VoteControls(VoteState Mine, string? TokenField, string? Token)
{
    public static readonly VoteControls SignedOut = new(VoteState.None, null, null);

    public static VoteControls For(HttpContext http, VoteState mine)
    {
        if (http.User.UserId() is null) return SignedOut;
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return new VoteControls(mine, tokens.FormFieldName, tokens.RequestToken);
    }
}

/// <summary>HTML fragments of the article page that must not come from the output cache.</summary>
public static class ArticleFragments
{
    public static IEndpointRouteBuilder MapArticleFragments(this IEndpointRouteBuilder app)
    {
        var article = app.MapGroup("/articles/{slug}").WithTags("Articles");
        article.MapGet("/counters", FreshAsync);
        return app;
    }

    private static async Task<Results<ContentHttpResult, NotFound>> FreshAsync(
        string slug, BroadsheetDb db, VoteService votes, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!Slug.IsValid(slug)) return TypedResults.NotFound();
        var html = await WidgetAsync(db, votes, clock, http, slug, ct);
        return html is null ? TypedResults.NotFound() : TypedResults.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>The live widget for this reader, or null when the article is not live.</summary>
    public static async Task<string?> WidgetAsync(BroadsheetDb db, VoteService votes, TimeProvider clock, HttpContext http, string slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Articles.AsNoTracking().Live(now).Where(a => a.Slug == slug)
            .Select(a => new { a.Id, Counters = new ArticleCounters(a.ViewCount, a.Upvotes, a.Downvotes) })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var mine = await votes.StateAsync(http.User.UserId(), row.Id, ct);
        var controls = VoteControls.For(http, mine);
        // A form token already made the answer "no-cache, no-store" (antiforgery warns when it has to
        // override a header we set first); a signed-out answer says no-store itself.
        if (controls.Token is null) http.Response.Headers.CacheControl = "no-store";
        return row.Counters.ToHtml(slug, controls);
    }
}
