using Broadsheet.RateLimits;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace Broadsheet.Votes;

/// <summary>
/// POST /articles/{slug}/vote with direction = up | down | clear. A plain form post redirects
/// back to the article; an htmx post gets the vote widget back, updated in place. Signed-out
/// readers never get here: their buttons sign in first and carry the vote through.
/// </summary>
public static class VoteEndpoints
{
    public static IServiceCollection AddVotes(this IServiceCollection services)
    {
        services.AddSingleton<VoteService>().AddScoped<IPageHole, VoteHole>();
        services.AddScoped<IAfterSignIn, VoteAfterSignIn>().AddScoped<IAccountDeletionStep, ArticleVotesOnDeletion>();
        services.AddSingleton<VoteReconciliation>();
        services.AddHostedService<VoteReconciliationPass>();
        // One writer per instance: the singleton callers submit to is the hosted loop that drains it.
        services.AddSingleton<ArticleVoteWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ArticleVoteWriter>());
        return services;
    }

    public static IEndpointRouteBuilder MapVotes(this IEndpointRouteBuilder app)
    {
        // The token is checked by the antiforgery middleware; the handler reads its verdict
        // before touching the form (reading a refused form throws).
        // A reader clicks again from the same page with the same token pair: its check is remembered (Caching/FormChecks).
        app.MapPost("/articles/{slug}/vote", VoteAsync).RequireAuthorization()
            .WithMetadata(new RequireAntiforgeryTokenAttribute(), RemembersFormCheck.Instance).WithTags("Votes");
        // A static page that takes votes: the same handler, on its companion (Articles/Companion).
        app.MapPost("/pages/{slug}/vote", VoteAsync).RequireAuthorization()
            .WithMetadata(new RequireAntiforgeryTokenAttribute(), RemembersFormCheck.Instance).WithTags("Votes");
        app.MapVoteFragments();
        return app;
    }

    // No BroadsheetDb parameter: a vote waits for its batch with thousands of others in a storm, and
    // a context each emptied EF's pool (see VoteService); the rare refusal below asks for one itself.
    private static async Task<IResult> VoteAsync(string slug, HttpContext http,
        VoteService votes, RequestLimits limits, CancellationToken ct)
    {
        if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            return Problem(http, 400, "The form had expired. Reload the page and try again.");
        if (!http.Request.HasFormContentType) return Problem(http, 400, "Send the vote as a form.");
        var form = await http.Request.ReadFormAsync(ct);
        if (!VoteChange.TryParse(form["direction"].Count == 1 ? form["direction"][0] : null, out var d))
            return Problem(http, 400, "Choose up, down or clear.");
        if (Companion.KeyOf(slug, http.Request.Path.StartsWithSegments("/pages")) is not { } key) return Results.NotFound();
        slug = key;

        var userId = http.User.UserId()!.Value;
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var wait = await limits.HitAsync("vote", client, ct) ?? await limits.HitAsync("vote-user", $"user:{userId}", ct);
        if (wait is { } retry)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Problem(http, 429, "You are voting very fast. Wait a moment and try again.");
        }

        // No query here: the writer finds the live article by its slug and checks the reader's ban
        // and age in the batch's own transaction, and answers with the counts it committed.
        ArticleVoteResult result;
        try { result = await votes.CastAsync(userId, slug, d, ct); }
        catch (WriterStoppedException) { return Problem(http, 503, "The site is restarting. Try again in a moment."); }
        catch (System.Data.Common.DbException)
        {
            // Deleted between the writer's check and its write: gone, not a server fault.
            var db = http.RequestServices.GetRequiredService<BroadsheetDb>();
            if (!await db.Articles.AnyAsync(a => a.Slug == slug, CancellationToken.None)) return Results.NotFound();
            throw;
        }
        switch (result.Outcome)
        {
            case VoteOutcome.NotFound: return Results.NotFound();
            case VoteOutcome.Banned:
                return Problem(http, 403, "Your account cannot vote at the moment." + (string.IsNullOrWhiteSpace(result.BanReason) ? "" : $" Reason: {result.BanReason}"));
            case VoteOutcome.TooNewToDownvote: return Problem(http, 403, $"New accounts can downvote after {votes.DownvoteMinAccountAge.TotalHours:0} hours.");
        }
        if (!http.Request.Headers.ContainsKey("HX-Request")) return Results.Redirect($"{Companion.ReaderPath(slug)}#votes");
        var widget = new VoteWidget(slug, result.Views, result.Upvotes, result.Downvotes, VoteControls.Echo(http, form, result.Mine));
        http.Response.Headers.CacheControl = "no-cache, no-store";
        return new HtmlAnswer(VoteWidgetHtml.Write(widget));
    }

    /// <summary>
    /// Refusals as a short message for the htmx widget (site.js shows it beside the buttons), as the
    /// site's error page with this sentence for a browser's plain form post (no JavaScript), and as
    /// problem+json for scripts.
    /// </summary>
    private static IResult Problem(HttpContext http, int status, string detail)
    {
        if (http.Request.Headers.ContainsKey("HX-Request"))
            return new HtmlAnswer($"""<p class="form-error" role="alert">{System.Net.WebUtility.HtmlEncode(detail)}</p>""", status);
        if (http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            // An empty answer is re-executed as /error/{status}, which says this instead of its generic line.
            ErrorModel.Explain(http, detail);
            return Results.StatusCode(status);
        }
        return Results.Problem(detail: detail, statusCode: status);
    }
}
