using Broadsheet.Articles;
using Broadsheet.Accounts;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Votes;

public enum VoteOutcome { Counted, Banned, TooNewToDownvote }

/// <summary>
/// Casts a reader's vote on an article: checks the reader may (ban, downvote age) here in the
/// request, then hands the vote to the instance's <see cref="ArticleVoteWriter"/> and returns
/// once the batch holding it has committed. The writer moves the counts by each vote's delta,
/// so a vote never recounts the article's rows.
/// </summary>
public sealed class VoteService(BroadsheetDb db, ArticleVoteWriter writer, TimeProvider clock, IConfiguration config)
{
    public TimeSpan DownvoteMinAccountAge => TimeSpan.FromHours(Math.Max(0, config.GetValue("Votes:DownvoteMinAccountAgeHours", 24.0)));

    public async Task<VoteOutcome> CastAsync(int userId, int articleId, VoteDirection direction, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.BannedUntil, u.JoinedAt }).FirstAsync(ct);
        if (user.BannedUntil is { } until && until > now) return VoteOutcome.Banned;
        if (direction == VoteDirection.Down && now - user.JoinedAt < DownvoteMinAccountAge) return VoteOutcome.TooNewToDownvote;
        await writer.SubmitAsync(new ArticleVoteRequest(articleId, userId, direction, now), ct);
        return VoteOutcome.Counted;
    }

    /// <summary>The reader's own vote on the article, for the pressed button.</summary>
    public async Task<VoteState> StateAsync(int? userId, int articleId, CancellationToken ct) =>
        userId is int id
            ? (VoteState)await db.ArticleVotes.Where(v => v.ArticleId == articleId && v.UserId == id).Select(v => v.Value).FirstOrDefaultAsync(ct)
            : VoteState.None;

    /// <summary>Parses "vote:{slug}:{up|down}", the vote a signed-out reader asked for before signing in.</summary>
    public static bool TryParseThen(string? then, out string slug, out VoteDirection direction)
    {
        slug = "";
        direction = default;
        var parts = (then ?? "").Split(':');
        if (parts.Length != 3 || parts[0] != "vote" || parts[2] is not ("up" or "down")) return false;
        // A story's slug, or a page companion's (its page's slug behind the mark).
        var key = Articles.Companion.Is(parts[1]) ? Articles.Companion.KeyOf(parts[1][Articles.Companion.Mark.Length..], onPage: true) : Articles.Companion.KeyOf(parts[1], onPage: false);
        if (key is null) return false;
        slug = key;
        return VoteChange.TryParse(parts[2], out direction);
    }
}
