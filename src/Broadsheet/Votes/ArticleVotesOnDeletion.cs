using Broadsheet.Accounts;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Votes;

/// <summary>
/// Account deletion (see <see cref="AccountDeletion"/>): the reader's article votes go with the
/// user row (cascade). Article counts move by delta, never by recount: the articles they voted on
/// are brought back to their rows after the commit, one short transaction each, rather than at
/// the next reconciliation.
/// </summary>
internal sealed class ArticleVotesOnDeletion(BroadsheetDb db, VoteReconciliation voteCounts) : IAccountDeletionStep
{
    private List<int> articles = [];

    public async Task BeforeDeleteAsync(int userId, CancellationToken ct) =>
        articles = await db.ArticleVotes.Where(v => v.UserId == userId).Select(v => v.ArticleId).ToListAsync(ct);

    public Task AfterCommitAsync(CancellationToken ct) => voteCounts.CheckAsync(db, articles, ct);
}
