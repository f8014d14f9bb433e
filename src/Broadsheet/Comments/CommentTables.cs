using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Comments;

/// <summary>
/// The Comments tables on the one context, as `db.Comments`: the feature names its own sets (and
/// configures them), so Data depends on no feature. EF translates these in subqueries too
/// (Data/TableExtensionTests).
/// </summary>
public static class CommentTables
{
    extension(BroadsheetDb db)
    {
        public DbSet<Comment> Comments => db.Set<Comment>();
        public DbSet<CommentVote> CommentVotes => db.Set<CommentVote>();
        public DbSet<CommentReport> CommentReports => db.Set<CommentReport>();
        public DbSet<Notification> Notifications => db.Set<Notification>();
    }
}
