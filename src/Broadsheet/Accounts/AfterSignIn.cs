using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Follows;
using Broadsheet.Votes;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Accounts;

/// <summary>
/// Finishes what a signed-out reader started: they clicked Follow or a vote button, were asked
/// to sign in, and the action happens in the same POST that signs them in (a GET never changes
/// state). The vote obeys the usual rules (bans, account age); a refused one is simply not cast.
/// </summary>
public sealed class AfterSignIn(BroadsheetDb db, VoteService votes, TimeProvider clock)
{
    public async Task RunAsync(int userId, string? then, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (Following.TryParseThen(then, out var kind, out var slug))
        {
            var target = await FollowTarget.FindAsync(db, kind, slug, ct);
            if (target is not null) await Following.SetAsync(db, userId, target, follow: true, now, ct);
        }
        else if (VoteService.TryParseThen(then, out var article, out var direction))
        {
            var id = await db.Articles.Live(now).Where(a => a.Slug == article).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (id is int articleId) await votes.CastAsync(userId, articleId, direction, ct);
        }
    }
}
