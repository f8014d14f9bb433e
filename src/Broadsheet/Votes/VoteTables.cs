using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Votes;

/// <summary>
/// The Votes tables on the one context, as `db.ArticleVotes`: the feature names its own sets (and
/// configures them), so Data depends on no feature. EF translates these in subqueries too
/// (Data/TableExtensionTests).
/// </summary>
public static class VoteTables
{
    extension(BroadsheetDb db)
    {
        public DbSet<ArticleVote> ArticleVotes => db.Set<ArticleVote>();
    }
}
