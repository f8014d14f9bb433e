using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Votes;

/// <summary>"vote:slug:up|down" carried through sign-in (see <see cref="AfterSignIn"/>): casts the vote under the usual rules.</summary>
internal sealed class VoteAfterSignIn(BroadsheetDb db, VoteService votes, TimeProvider clock) : IAfterSignIn
{
    public async Task<string?> DescribeAsync(string then, CancellationToken ct)
    {
        if (!VoteService.TryParseThen(then, out var article, out var direction)) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var title = await db.Articles.Votable(now).Where(a => a.Slug == article).Select(a => a.Title).FirstOrDefaultAsync(ct);
        return title is null ? null : $"and then {(direction == VoteDirection.Up ? "upvote" : "downvote")} {AfterSignIn.Quoted(title)}";
    }

    public async Task RunAsync(int userId, string then, CancellationToken ct)
    {
        // The writer finds the live article itself; a story gone meanwhile is simply not voted on.
        if (VoteService.TryParseThen(then, out var article, out var direction)) await votes.CastAsync(userId, article, direction, ct);
    }
}
