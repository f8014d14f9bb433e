using Broadsheet.Votes;
using Broadsheet.Comments;
using Broadsheet.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// Deleting an account removes the person: the user row, and with it (by cascade) roles,
/// follows, pending links and votes. What they wrote in public stays, credited to "deleted user".
/// </summary>
public sealed class AccountDeletion(BroadsheetDb db, UserManager<User> users, Votes.VoteReconciliation voteCounts, ILogger<AccountDeletion> log)
{
    public const string DeletedName = "deleted user";

    public async Task DeleteAsync(User user, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Their comment votes go with them (cascade); the comments they voted on are recounted below.
        var voted = await db.CommentVotes.Where(v => v.UserId == user.Id).Select(v => v.CommentId).ToListAsync(ct);
        var articles = await db.ArticleVotes.Where(v => v.UserId == user.Id).Select(v => v.ArticleId).ToListAsync(ct);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
            throw new InvalidOperationException("Account deletion failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        await CommentVoting.RecountAsync(db, voted, ct);
        await tx.CommitAsync(ct);
        // Article counts move by delta, never by recount: the articles they voted on are brought
        // back to their rows now, one short transaction each, rather than at the next reconciliation.
        await voteCounts.CheckAsync(db, articles, ct);
        log.LogInformation("Account {UserId} deleted at the reader's request", user.Id);
    }
}
