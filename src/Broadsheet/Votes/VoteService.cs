using Broadsheet.Articles;
using Broadsheet.Accounts;
using Broadsheet.Data;
using Broadsheet.Ranking;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Votes;

public enum VoteOutcome { Counted, Banned, TooNewToDownvote }

/// <summary>
/// Casts a reader's vote on an article. The article row is locked first (a no-op UPDATE), so
/// votes on one article commit one at a time; the counts are then recounted from the vote rows
/// in a later statement, which sees every earlier commit. So the stored counts always equal the
/// rows, however many requests race, on SQLite (one writer) and PostgreSQL (READ COMMITTED) alike.
/// </summary>
public sealed class VoteService(BroadsheetDb db, TimeProvider clock, IConfiguration config)
{
    // {0} article, {1} user, {2} value, {3} now, {4} hotness age divisor. Quoted identifiers read the same on both providers.
    private const string Lock = """UPDATE "Articles" SET "Upvotes" = "Upvotes" WHERE "Id" = {0};""" + "\n";
    private const string Withdraw = """DELETE FROM "ArticleVotes" WHERE "ArticleId" = {0} AND "UserId" = {1};""" + "\n";
    private const string Upsert = """
        INSERT INTO "ArticleVotes" ("ArticleId", "UserId", "Value", "CreatedAt", "UpdatedAt") VALUES ({0}, {1}, {2}, {3}, {3})
        ON CONFLICT ("ArticleId", "UserId") DO UPDATE SET "Value" = excluded."Value", "UpdatedAt" = excluded."UpdatedAt";

        """;
    // {4}: Hotness.AgeDivisor, so hotness is set in the same batch from the fresh counts.
    private const string Recount = """
        UPDATE "Articles" SET
          "Upvotes" = (SELECT COUNT(*) FROM "ArticleVotes" WHERE "ArticleId" = {0} AND "Value" = 1),
          "Downvotes" = (SELECT COUNT(*) FROM "ArticleVotes" WHERE "ArticleId" = {0} AND "Value" = -1)
        WHERE "Id" = {0};
        UPDATE "Articles" SET "Hotness" = 
        """ + Hotness.SqlEngagement + """
         / {4} WHERE "Id" = {0};
        """;

    private const string CastSql = Lock + Upsert + Recount;
    private const string WithdrawSql = Lock + Withdraw + Recount;

    public TimeSpan DownvoteMinAccountAge => TimeSpan.FromHours(Math.Max(0, config.GetValue("Votes:DownvoteMinAccountAgeHours", 24.0)));

    public async Task<VoteOutcome> CastAsync(int userId, int articleId, VoteDirection direction, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.BannedUntil, u.JoinedAt }).FirstAsync(ct);
        var published = await db.Articles.Where(a => a.Id == articleId).Select(a => a.PublishedAt).FirstAsync(ct) ?? now;
        var divisor = Hotness.AgeDivisor(now - published);
        if (user.BannedUntil is { } until && until > now) return VoteOutcome.Banned;
        if (direction == VoteDirection.Down && now - user.JoinedAt < DownvoteMinAccountAge) return VoteOutcome.TooNewToDownvote;

        // The new state depends only on what was asked for (VoteChange), so the row is written
        // without reading it first: an upsert, or a delete to withdraw.
        var state = VoteChange.Apply(VoteState.None, direction).State;
        using var gate = await db.WriteGateAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One round trip for the three statements (lock the article row, write the reader's row,
        // recount from the rows), so the row lock is held for as little time as possible. Each
        // statement still gets its own snapshot, so the recount sees every earlier commit.
        // One parameter list serves both scripts; withdrawing leaves {2} and {3} unused.
        await db.Database.ExecuteSqlRawAsync(state == VoteState.None ? WithdrawSql : CastSql, [articleId, userId, (int)state, now, divisor], ct);
        await tx.CommitAsync(ct);
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
        if (parts.Length != 3 || parts[0] != "vote" || !Shared.Slug.IsValid(parts[1]) || parts[2] is not ("up" or "down")) return false;
        slug = parts[1];
        return VoteChange.TryParse(parts[2], out direction);
    }
}
