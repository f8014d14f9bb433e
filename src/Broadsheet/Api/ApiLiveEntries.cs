using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Live;
using Broadsheet.Media;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using System.ComponentModel;

namespace Broadsheet.Api;

/// <summary>One entry of a live story. A deleted entry is listed (with <c>deletedAt</c> and no text) only to an <c>updated_since</c> query, so a client can drop it.</summary>
public sealed record ApiLiveEntry(
    int Id, long Sequence, DateTime CreatedAt, DateTime UpdatedAt, DateTime? DeletedAt, string AuthorName,
    string Html, string? Image, string? ImageAlt, string? Quote, string? QuoteSource, bool KeyEvent, bool Pinned, string Url);

/// <summary>A live story's coverage: when it started and ended, and its entries newest first.</summary>
public sealed record ApiLiveEntries(int ArticleId, bool Live, DateTime CoverageStart, DateTime? CoverageEnd, IReadOnlyList<ApiLiveEntry> Items);

/// <summary><c>GET /api/v1/live/{slug}/entries</c>: a live story's entries, for apps and syndication.</summary>
public static class ApiLiveEntriesEndpoint
{
    /// <summary>At most this many entries, newest first; with updated_since a client never needs more at once.</summary>
    public const int Limit = 500;

    public static RouteGroupBuilder MapLiveEntries(this RouteGroupBuilder api)
    {
        api.MapMethods("/live/{slug}/entries", [HttpMethods.Head], EntriesAsync).ExcludeFromDescription();
        api.MapGet("/live/{slug}/entries", EntriesAsync).WithName("ListLiveEntries")
            .WithSummary("A live story's entries, newest first (at most 500); with updated_since, the entries added, edited or deleted since");
        return api;
    }

    private static async Task<Results<Ok<ApiLiveEntries>, ProblemHttpResult>> EntriesAsync(
        BroadsheetDb db, TimeProvider clock, SiteOrigin origin, [Description("The article's slug")] string slug,
        [FromQuery(Name = "updated_since"), Description("Changed at or after: a date (from its start) or a date-time with offset; deleted entries are then listed too")] string? updatedSince,
        CancellationToken ct)
    {
        if (ApiParameters.UpdatedSince(updatedSince, out var since) is { } problem) return ApiProblems.BadRequest(problem);
        var now = clock.GetUtcNow().UtcDateTime;
        var story = Slug.IsValid(slug)
            ? await db.Articles.AsNoTracking().Live(now).Where(a => a.Slug == slug)
                .Join(db.Set<LiveStory>(), a => a.Id, s => s.ArticleId, (a, s) => s).FirstOrDefaultAsync(ct)
            : null;
        if (story is null) return ApiProblems.NotFound($"There is no live story “{(slug.Length > 80 ? slug[..80] : slug)}”.");
        var query = db.LiveEntries.AsNoTracking().Where(e => e.ArticleId == story.ArticleId);
        query = since is { } t
            ? query.Where(e => e.CreatedAt >= t || e.EditedAt >= t || e.DeletedAt >= t)
            : query.Where(e => e.DeletedAt == null);
        var rows = await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(Limit).ToListAsync(ct);
        var page = $"{origin.Value}/articles/{slug}";
        var items = rows.Select(e => new ApiLiveEntry(
            e.Id, e.Sequence, e.CreatedAt, e.UpdatedAt, e.DeletedAt, e.AuthorName,
            e.DeletedAt is null ? e.BodyHtml : "",
            e.DeletedAt is null && MediaFolder.UrlOf(e.ImagePath) is { } path ? origin.Value + path : null,
            e.DeletedAt is null && e.ImagePath is not null ? e.ImageAlt : null,
            e.DeletedAt is null ? e.Quote : null, e.DeletedAt is null && e.Quote is not null ? e.QuoteSource : null,
            e.IsKeyEvent, e.IsPinned, $"{page}#entry-{e.Id}")).ToList();
        return TypedResults.Ok(new ApiLiveEntries(story.ArticleId, story.IsRunning, story.StartedAt, story.EndedAt, items));
    }
}
