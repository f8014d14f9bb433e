using Broadsheet.RateLimits;
using Broadsheet.Shared;

namespace Broadsheet.Comments;

/// <summary>What became of a posted form.</summary>
public abstract record PostOutcome
{
    public sealed record Posted(Comment Comment) : PostOutcome;
    /// <summary>The honeypot was filled: answer as if all went well, store nothing.</summary>
    public sealed record Pretended : PostOutcome;
    public sealed record Refused(Refusal Refusal) : PostOutcome;
    public sealed record Limited(TimeSpan RetryAfter) : PostOutcome;
}

/// <summary>
/// The anti-spam gate in front of <see cref="CommentWriter"/>, shared by new comments and replies:
/// per-IP and per-account rate limits, the honeypot, and the time-to-submit stamp, in that order
/// (a bot that trips the honeypot still spends its rate limit).
/// </summary>
public sealed class CommentPosting(CommentWriter writer, RequestLimits limits, FormStamp stamps, ILogger<CommentPosting> log)
{
    public const string IpPolicy = "comment";
    public const string UserPolicy = "comment-user";
    public const string TooFast = "That was quick. Take a moment to read your comment over, then send it again.";
    public const string Stale = "This form is out of date. Send it again.";

    public async Task<PostOutcome> PostAsync(HttpContext http, ArticleRef article, Actor actor, long? parentId, CommentInput input, CancellationToken ct)
    {
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await limits.HitAsync(IpPolicy, client, ct) is { } ipWait) return Limit(ipWait, client, actor);
        if (await limits.HitAsync(UserPolicy, $"user:{actor.UserId}", ct) is { } userWait) return Limit(userWait, client, actor);
        if (!string.IsNullOrEmpty(input.Website))
        {
            log.LogWarning("Comment by user {UserId} from {Client} filled the honeypot; dropped", actor.UserId, client);
            return new PostOutcome.Pretended();
        }
        switch (stamps.Check(input.Started))
        {
            case StampCheck.TooFast: return new PostOutcome.Refused(Refusal.Invalid(TooFast));
            case StampCheck.Unreadable: return new PostOutcome.Refused(Refusal.Invalid(Stale));
        }
        var (posted, refusal) = await writer.PostAsync(article, actor, parentId, input.Body, ct);
        return posted is not null ? new PostOutcome.Posted(posted) : new PostOutcome.Refused(refusal!);
    }

    private PostOutcome.Limited Limit(TimeSpan wait, string client, Actor actor)
    {
        log.LogWarning("Comment rate limit reached by user {UserId} from {Client}; retry after {Seconds} s", actor.UserId, client, (int)wait.TotalSeconds);
        return new PostOutcome.Limited(wait);
    }
}

/// <summary>The fields of a comment form: the text, the honeypot and the served-at stamp.</summary>
public sealed record CommentInput(string? Body, string? Website, string? Started);
