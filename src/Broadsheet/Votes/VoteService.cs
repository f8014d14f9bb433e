using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Votes;

public enum VoteOutcome { Counted, Banned, TooNewToDownvote, NotFound }

/// <summary>
/// Casts a reader's vote on an article: hands it to the instance's <see cref="ArticleVoteWriter"/>
/// and returns once the batch holding it has committed. The writer checks, in that batch's
/// transaction, that the article is live and that the reader may vote (ban, downvote age), and
/// moves the counts by each vote's delta, so a vote never recounts the article's rows.
/// It holds no database context: a vote request waits for its batch while thousands of others
/// do, and a context held by each of them emptied EF's context pool in a storm, so every vote
/// built a fresh context (about 10 KB and an options lookup each; issue 16). The writer's batch
/// has its own, so this is a singleton and a vote request resolves nothing scoped to cast.
/// </summary>
public sealed class VoteService(ArticleVoteWriter writer, TimeProvider clock, IConfiguration config)
{
    public TimeSpan DownvoteMinAccountAge => DownvoteMinAccountAgeOf(config);

    public static TimeSpan DownvoteMinAccountAgeOf(IConfiguration config) =>
        TimeSpan.FromHours(Math.Max(0, config.GetValue("Votes:DownvoteMinAccountAgeHours", 24.0)));

    /// <summary>A vote on the live article at this slug: the form's path names it, and the writer resolves it.</summary>
    public async Task<ArticleVoteResult> CastAsync(int userId, string slug, VoteDirection direction, CancellationToken ct)
    {
        var request = new ArticleVoteRequest(null, slug, userId, direction, clock.GetUtcNow().UtcDateTime);
        await writer.SubmitAsync(request, ct);
        return request.Result;
    }

    public async Task<VoteOutcome> CastAsync(int userId, int articleId, VoteDirection direction, CancellationToken ct)
    {
        var request = new ArticleVoteRequest(articleId, null, userId, direction, clock.GetUtcNow().UtcDateTime);
        await writer.SubmitAsync(request, ct);
        return request.Result.Outcome;
    }

    /// <summary>The reader's own vote on the article, for the pressed button.</summary>
    public static async Task<VoteState> StateAsync(BroadsheetDb db, int? userId, int articleId, CancellationToken ct) =>
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
