using Broadsheet.Accounts;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Comments;

/// <summary>
/// Account deletion (see <see cref="AccountDeletion"/>): the reader's comment votes go with the
/// user row (cascade), and the comments they voted on are recounted in the same transaction.
/// </summary>
internal sealed class CommentVotesOnDeletion(BroadsheetDb db) : IAccountDeletionStep
{
    private List<long> voted = [];

    public async Task BeforeDeleteAsync(int userId, CancellationToken ct) =>
        voted = await db.CommentVotes.Where(v => v.UserId == userId).Select(v => v.CommentId).ToListAsync(ct);

    public Task AfterDeleteAsync(CancellationToken ct) => CommentVoting.RecountAsync(db, voted, ct);
}
